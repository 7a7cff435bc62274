using GraphQL.Types;
using Signpost.Submissions;

namespace Signpost.GraphQL.Types.Submissions;

public sealed class SuggestChangeInputGraphType : InputObjectGraphType<SuggestChangeInput>
{
    public SuggestChangeInputGraphType()
    {
        Name = "SuggestChangeInput";
        Description = "Proposed changes to a listing, against the version of it the suggester saw.";
        Field(x => x.ServiceId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The service's id.");
        Field(x => x.BaseVersion).Description("The listing's `version` when it was read; a moderator sees if it has changed since.");
        Field(x => x.Changes, type: typeof(NonNullGraphType<ServiceChangesInputGraphType>)).Description("The new values; fields left out stay as they are.");
        Field(x => x.Note, nullable: true).Description("Anything the moderator should know, e.g. how you know.");
        Field(x => x.Submitter, type: typeof(SubmitterInputGraphType)).Description("Who is sending this. Kept private.");
        Field(x => x.Homepage, nullable: true).Description("Leave empty. (A field people do not see; only automated senders fill it.)");
    }
}

public sealed class ServiceChangesInputGraphType : InputObjectGraphType<ServiceChangesInput>
{
    public ServiceChangesInputGraphType()
    {
        Name = "ServiceChangesInput";
        Description = "New values for a listing's fields.";
        Field(x => x.Name, nullable: true).Description("The service's name.");
        Field(x => x.AlternateName, nullable: true).Description("Another name it is known by.");
        Field(x => x.Description, nullable: true).Description("What the service offers.");
        Field(x => x.Url, nullable: true).Description("Web page (https:// or http://).");
        Field(x => x.Email, nullable: true).Description("Email address.");
        Field(x => x.EligibilityDescription, nullable: true).Description("Who the service is for.");
        Field(x => x.ApplicationProcess, nullable: true).Description("How to get the service.");
        Field(x => x.FeesDescription, nullable: true).Description("The cost in words.");
        Field(x => x.Alert, nullable: true).Description("A short-term notice.");
        Field(x => x.MinimumAge, nullable: true).Description("Youngest age served, 0-120.");
        Field(x => x.MaximumAge, nullable: true).Description("Oldest age served, 0-120.");
        Field(x => x.Phone, nullable: true).Description("The listing's phone number (its first one, or a first one if it has none), e.g. \"01395 512345\".");
        Field(x => x.Address, type: typeof(ServiceAddressInputGraphType)).Description("A new address for the listing's place (the first with an address, by name), given whole; approving it also puts the place at the new postcode.");
        Field(x => x.OpeningTimes, nullable: true).Description($"New opening times in words (at most {SubmissionRules.MaxShort} characters). Approving replaces the listing's schedules with these words.");
    }
}

public sealed class ServiceAddressInputGraphType : InputObjectGraphType<ServiceAddressInput>
{
    public ServiceAddressInputGraphType()
    {
        Name = "ServiceAddressInput";
        Description = "A place's new address, whole.";
        Field(x => x.Address1).Description("First line.");
        Field(x => x.Address2, nullable: true).Description("Second line; left out, the place has none.");
        Field(x => x.City).Description("Town or city.");
        Field(x => x.Postcode).Description("A full UK postcode, e.g. \"EX10 8XX\".");
    }
}

public sealed class ReportProblemInputGraphType : InputObjectGraphType<ReportProblemInput>
{
    public ReportProblemInputGraphType()
    {
        Name = "ReportProblemInput";
        Description = "A problem with a listing.";
        Field(x => x.ServiceId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The service's id.");
        Field(x => x.Topic, type: typeof(NonNullGraphType<ProblemTopicGraphType>)).Description("What kind of problem it is.");
        Field(x => x.Message).Description($"What is wrong, in your words (at most {SubmissionRules.MaxMessage:N0} characters).");
        Field(x => x.Submitter, type: typeof(SubmitterInputGraphType)).Description("Who is sending this. Kept private.");
        Field(x => x.Homepage, nullable: true).Description("Leave empty. (A field people do not see; only automated senders fill it.)");
    }
}

public sealed class ClaimListingInputGraphType : InputObjectGraphType<ClaimListingInput>
{
    public ClaimListingInputGraphType()
    {
        Name = "ClaimListingInput";
        Description = "A request to look after the listings of the organisation that runs a service.";
        Field(x => x.ServiceId, type: typeof(NonNullGraphType<IdGraphType>)).Description("One of the organisation's services, by id.");
        Field(x => x.Name).Description($"Your name (at most {SubmissionRules.MaxName} characters). Kept private.");
        Field(x => x.Email).Description("Your email address at work: approving the claim gives it a sign-in. Kept private.");
        Field(x => x.JobTitle, nullable: true).Description("Your role at the organisation, e.g. \"Volunteer coordinator\". Kept private.");
        Field(x => x.Message, nullable: true).Description($"How a moderator can check that you work there, e.g. a phone number at the organisation (at most {SubmissionRules.MaxMessage:N0} characters). Kept private.");
        Field(x => x.Homepage, nullable: true).Description("Leave empty. (A field people do not see; only automated senders fill it.)");
    }
}
