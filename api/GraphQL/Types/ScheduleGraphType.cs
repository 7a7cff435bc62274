using GraphQL.Types;

namespace Signpost.GraphQL.Types;

public sealed class ScheduleGraphType : ObjectGraphType<Schedule>
{
    public ScheduleGraphType()
    {
        Name = "Schedule";
        Description = "When a service runs (HSDS schedule, RFC 5545 recurrence), in UK local time.";
        Field(s => s.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable UUID of the schedule.");
        Field(s => s.Freq, nullable: true).Description("DAILY, WEEKLY or MONTHLY; null for arrangements such as \"by appointment\".");
        Field(s => s.Interval, nullable: true).Description("Every n weeks or months; 2 with WEEKLY is fortnightly.");
        Field("byDay", s => s.ByDay, nullable: true).Description("Days, e.g. \"TU,TH\"; monthly ones carry an ordinal: \"2TU\" (2nd Tuesday), \"-1FR\" (last Friday).");
        Field(s => s.OpensAt, nullable: true).Description("Opening time, 24-hour HH:MM.");
        Field(s => s.ClosesAt, nullable: true).Description("Closing time, 24-hour HH:MM.");
        Field("dtStart", s => s.DtStart, type: typeof(DateOnlyGraphType)).Description("The first occurrence; fortnightly schedules count from it.");
        Field(s => s.Until, type: typeof(DateOnlyGraphType)).Description("The last day of the recurrence.");
        Field(s => s.ValidFrom, type: typeof(DateOnlyGraphType)).Description("First day this schedule applies.");
        Field(s => s.ValidTo, type: typeof(DateOnlyGraphType)).Description("Last day this schedule applies.");
        Field(s => s.Description, nullable: true).Description("The schedule as the provider describes it.");
        Field<NonNullGraphType<StringGraphType>>("text")
            .Description("The schedule in plain English, e.g. \"2nd Tuesday of the month, 10am–12pm\".")
            .Resolve(ctx => OpeningHoursText.Describe(ctx.Source));
    }
}
