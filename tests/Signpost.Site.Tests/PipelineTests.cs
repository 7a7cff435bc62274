using YamlDotNet.RepresentationModel;

namespace Signpost.Site.Tests;

public sealed class PipelineTests
{
    private static readonly YamlMappingNode Pipeline = Load();

    [Fact]
    public void ThePipelineRunsOnPushAndPullRequests()
    {
        Assert.Contains("main", Sequence(Map(Map(Pipeline, "trigger"), "branches"), "include"));
        Assert.Contains("main", Sequence(Map(Map(Pipeline, "pr"), "branches"), "include"));
    }

    [Fact]
    public void TheSiteIsRebuiltEveryNightAtTwoEvenWithoutChanges()
    {
        var schedule = Assert.Single(((YamlSequenceNode)Pipeline["schedules"]).Children.Cast<YamlMappingNode>());
        Assert.Equal("0 2 * * *", Scalar(schedule, "cron"));
        Assert.Equal("true", Scalar(schedule, "always"));
    }

    [Fact]
    public void CiTestsWithSnapshotStrictModeAndTheNightlyStageBuildsKeepsAndPublishesTheSite()
    {
        var stages = ((YamlSequenceNode)Pipeline["stages"]).Children.Cast<YamlMappingNode>().ToDictionary(s => Scalar(s, "stage"));
        Assert.Equal(["CI", "NightlySite"], stages.Keys);

        var ciSteps = JobSteps(stages["CI"], "BuildAndTest");
        var test = ciSteps.Single(s => s.Children.ContainsKey("script") && Scalar(s, "script").StartsWith("dotnet test", StringComparison.Ordinal));
        Assert.Equal("true", Scalar(Map(test, "env"), "SNAPSHOOTER_STRICT_MODE"));
        Assert.Contains(ciSteps, s => s.Children.ContainsKey("script") && Scalar(s, "script").StartsWith("dotnet build", StringComparison.Ordinal));
        Assert.Contains(ciSteps, s => s.Children.ContainsKey("script") && Scalar(s, "script").StartsWith("dotnet restore", StringComparison.Ordinal));

        var nightly = Steps(stages["NightlySite"]);
        var build = nightly.Single(s => s.Children.ContainsKey("script") && Scalar(s, "script").Contains("build --api \"$(ProductionApiUrl)\"", StringComparison.Ordinal));
        var tasks = nightly.Where(s => s.Children.ContainsKey("task")).Select(s => Scalar(s, "task")).ToList();
        Assert.Contains("PublishPipelineArtifact@1", tasks);
        Assert.Contains("AzureStaticWebApp@0", tasks);
        var deploy = nightly.Single(s => s.Children.ContainsKey("task") && Scalar(s, "task") == "AzureStaticWebApp@0");
        Assert.Equal("$(StaticWebAppsDeploymentToken)", Scalar(Map(deploy, "inputs"), "azure_static_web_apps_api_token"));
        Assert.True(nightly.IndexOf(build) < nightly.IndexOf(deploy), "the site must be built before it is published");
    }

    [Fact]
    public void TheApiSuiteAlsoRunsOnSqlServer2019WithFullTextSearchInAContainer()
    {
        var stage = ((YamlSequenceNode)Pipeline["stages"]).Children.Cast<YamlMappingNode>().Single(s => Scalar(s, "stage") == "CI");
        var steps = JobSteps(stage, "ApiOnSqlServer");

        var start = steps.Single(s => s.Children.ContainsKey("script") && Scalar(s, "script").Contains("docker run", StringComparison.Ordinal));
        Assert.Contains("docker build -t signpost-mssql-fts .ci/sqlserver", Scalar(start, "script"), StringComparison.Ordinal);
        var test = steps.Single(s => s.Children.ContainsKey("script") && Scalar(s, "script").StartsWith("dotnet test tests/Signpost.Api.Tests", StringComparison.Ordinal));
        Assert.StartsWith("Server=localhost,1433;", Scalar(Map(test, "env"), "SIGNPOST_TEST_SQLSERVER"), StringComparison.Ordinal);
        Assert.Equal("true", Scalar(Map(test, "env"), "SNAPSHOOTER_STRICT_MODE"));
        Assert.True(steps.IndexOf(start) < steps.IndexOf(test), "SQL Server must be running before the tests");

        var dockerfile = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sqlserver.Dockerfile"));
        Assert.Contains("FROM mcr.microsoft.com/mssql/server:2019-latest", dockerfile, StringComparison.Ordinal);
        Assert.Contains("mssql-server-fts", dockerfile, StringComparison.Ordinal);
    }

    private static List<YamlMappingNode> JobSteps(YamlMappingNode stage, string job) =>
        ((YamlSequenceNode)((YamlSequenceNode)stage["jobs"]).Children.Cast<YamlMappingNode>().Single(j => Scalar(j, "job") == job)["steps"])
            .Children.Cast<YamlMappingNode>().ToList();

    private static List<YamlMappingNode> Steps(YamlMappingNode stage) =>
        ((YamlSequenceNode)stage["jobs"]).Children.Cast<YamlMappingNode>()
            .SelectMany(j => ((YamlSequenceNode)j["steps"]).Children.Cast<YamlMappingNode>()).ToList();

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!.Trim();

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node[key]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "azure-pipelines.yml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
