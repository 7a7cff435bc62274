using GraphQL.Types;
using Signpost.Submissions;

namespace Signpost.GraphQL.Types.Submissions;

public sealed class SubmitListingInputGraphType : InputObjectGraphType<SubmitListingInput>
{
    public SubmitListingInputGraphType()
    {
        Name = "SubmitListingInput";
        Description = "A new service to list, with the organisation that runs it. Checked field by field; stored verbatim.";
        Field(x => x.Organization, type: typeof(NonNullGraphType<OrganizationInputGraphType>)).Description("The organisation that runs the service.");
        Field(x => x.Name).Description($"The service's name (at most {SubmissionRules.MaxName} characters).");
        Field(x => x.Description, nullable: true).Description($"What the service offers (required; at most {SubmissionRules.MaxText:N0} characters).");
        Field(x => x.Url, nullable: true).Description("A web page for the service (https:// or http://).");
        Field(x => x.Email, nullable: true).Description("An email address for the service.");
        Field(x => x.Phone, nullable: true).Description("A phone number for the service.");
        Field(x => x.EligibilityDescription, nullable: true).Description("Who the service is for.");
        Field(x => x.ApplicationProcess, nullable: true).Description("How to get the service: drop in, self-refer, GP referral.");
        Field(x => x.MinimumAge, nullable: true).Description("Youngest age served, 0-120.");
        Field(x => x.MaximumAge, nullable: true).Description("Oldest age served, 0-120.");
        Field(x => x.IsFree).Description("True when the service costs nothing.");
        Field(x => x.CostDescription, nullable: true).Description("What it costs, in words, e.g. \"£2 for refreshments\".");
        Field(x => x.Categories, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>)).Description($"Category codes from `categories`, e.g. \"dementia\" (1 to {SubmissionRules.MaxItems}).");
        Field(x => x.Languages, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Languages it is offered in, e.g. \"English\", \"Polish\".");
        Field(x => x.Locations, type: typeof(ListGraphType<NonNullGraphType<LocationInputGraphType>>)).Description($"Where it happens (at most {SubmissionRules.MaxItems}); leave out for phone or online services.");
        Field(x => x.Schedules, type: typeof(ListGraphType<NonNullGraphType<ScheduleInputGraphType>>)).Description($"When it runs (at most {SubmissionRules.MaxSchedules}).");
        Field(x => x.Contacts, type: typeof(ListGraphType<NonNullGraphType<ContactInputGraphType>>)).Description("People or roles to contact.");
        Field(x => x.Submitter, type: typeof(SubmitterInputGraphType)).Description("Who is sending this, so a moderator can ask questions. Kept private.");
        Field(x => x.Homepage, nullable: true).Description("Leave empty. (A field people do not see; only automated senders fill it.)");
    }
}

public sealed class OrganizationInputGraphType : InputObjectGraphType<OrganizationInput>
{
    public OrganizationInputGraphType()
    {
        Name = "OrganizationInput";
        Description = "The organisation that runs a submitted service.";
        Field(x => x.Name).Description("The organisation's name.");
        Field(x => x.Description, nullable: true).Description("What the organisation does.");
        Field(x => x.Website, nullable: true).Description("Its website (https:// or http://).");
        Field(x => x.Email, nullable: true).Description("Its general email address.");
        Field(x => x.Phone, nullable: true).Description("Its general phone number.");
    }
}

public sealed class LocationInputGraphType : InputObjectGraphType<LocationInput>
{
    public LocationInputGraphType()
    {
        Name = "LocationInput";
        Description = "A place where a submitted service happens. Without latitude and longitude it is placed at its postcode district's centre.";
        Field(x => x.Name, nullable: true).Description("The place's name, e.g. \"Methodist Church hall\".");
        Field(x => x.Address1).Description("First line of the address.");
        Field(x => x.Address2, nullable: true).Description("Second line of the address.");
        Field(x => x.City).Description("Town or city.");
        Field(x => x.County, nullable: true).Description("County.");
        Field(x => x.Postcode).Description("Full UK postcode, e.g. \"EX10 8XX\".");
        Field(x => x.Latitude, nullable: true).Description("Latitude, if known (with longitude).");
        Field(x => x.Longitude, nullable: true).Description("Longitude, if known (with latitude).");
    }
}

public sealed class ScheduleInputGraphType : InputObjectGraphType<ScheduleInput>
{
    public ScheduleInputGraphType()
    {
        Name = "ScheduleInput";
        Description = "When a submitted service runs, as HSDS schedule fields; or only a description for \"by appointment\".";
        Field(x => x.Freq, nullable: true).Description("DAILY, WEEKLY or MONTHLY.");
        Field(x => x.ByDay, nullable: true).Description("Days: \"TU,TH\" weekly; \"2TU\" (2nd Tuesday) or \"-1FR\" (last Friday) monthly.");
        Field(x => x.Interval, nullable: true).Description("Every n weeks or months; 2 with WEEKLY is fortnightly.");
        Field(x => x.OpensAt, nullable: true).Description("Opening time, 24-hour HH:MM.");
        Field(x => x.ClosesAt, nullable: true).Description("Closing time, 24-hour HH:MM.");
        Field(x => x.Description, nullable: true).Description("The times in words.");
    }
}

public sealed class ContactInputGraphType : InputObjectGraphType<ContactInput>
{
    public ContactInputGraphType()
    {
        Name = "ContactInput";
        Description = "A person or role to contact about a submitted service (shown on the listing).";
        Field(x => x.Name, nullable: true).Description("Their name.");
        Field(x => x.Title, nullable: true).Description("Their role.");
        Field(x => x.Email, nullable: true).Description("Their email address.");
        Field(x => x.Phone, nullable: true).Description("Their phone number.");
    }
}

public sealed class SubmitterInputGraphType : InputObjectGraphType<SubmitterInput>
{
    public SubmitterInputGraphType()
    {
        Name = "SubmitterInput";
        Description = "Who sent a submission. Only moderators see it; it is never public.";
        Field(x => x.Name, nullable: true).Description("Their name.");
        Field(x => x.Email, nullable: true).Description("Their email address, for questions about the submission.");
    }
}
