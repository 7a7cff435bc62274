using Signpost.Site.Api;
using Signpost.Site.Pages;

namespace Signpost.Site.Tests;

/// <summary>What each schedule on a service page is for, taken from the provider's own wording.</summary>
public sealed class ScheduleWordingTests
{
    [Theory]
    [InlineData("24-hour advice line; home visits arranged as needed", "Every day, 24 hours", "Advice line: every day, 24 hours")]
    [InlineData("Phone line Monday to Friday, 9am to 5pm", "Monday to Friday, 9am–5pm", "Phone line: Monday to Friday, 9am–5pm")]
    [InlineData("Bereavement drop-in, third Saturday of the month, 10am to 12 noon", "3rd Saturday of the month, 10am–12pm", "Bereavement drop-in: 3rd Saturday of the month, 10am–12pm")]
    [InlineData("Maternity assessment line and labour ward open 24 hours", "Every day, 24 hours", "Maternity assessment line and labour ward: every day, 24 hours")]
    [InlineData("Coffee morning on the first Friday of the month, 10am to 11:30am", "1st Friday of the month, 10am–11:30am", "Coffee morning: 1st Friday of the month, 10am–11:30am")]
    public void AScheduleIsNamedByWhatTheProviderSaysItIsFor(string description, string text, string line)
    {
        Assert.Equal(line, ScheduleWording.Line(Weekly(description, text)));
    }

    [Theory]
    [InlineData("Tuesdays, 10am to 2pm")]
    [InlineData("Every evening, 6pm to 11pm")]
    [InlineData("Staffed 24 hours a day")]
    [InlineData(null)]
    public void AScheduleWhoseWordingIsOnlyWhenHasNoName(string? description)
    {
        Assert.Null(ScheduleWording.Label(Weekly(description, "Tuesdays, 10am–2pm")));
    }

    [Theory]
    [InlineData("Tuesdays, 10am to 2pm, at Coventry Central Library", true)]
    [InlineData("Every other Wednesday in term time, 4pm to 6pm", true)]
    [InlineData("Mondays and Thursdays, 10am to 11am", false)]
    [InlineData("Phone line Monday to Friday, 9am to 5pm", false)]
    public void TheProvidersWordingIsShownTooOnlyWhenItSaysMoreThanTheDaysAndTimes(string description, bool shown)
    {
        Assert.Equal(shown ? description : null, ScheduleWording.Note(Weekly(description, "Tuesdays, 10am–2pm")));
    }

    private static Schedule Weekly(string? description, string text) =>
        new(text, description, "WEEKLY", "TU", 1, "10:00", "14:00", null, null, null, null);
}
