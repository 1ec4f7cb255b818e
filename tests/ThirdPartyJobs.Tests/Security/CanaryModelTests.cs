using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ThirdPartyJobs.Tests.Protocol.Json;

namespace ThirdPartyJobs.Tests.Security;

/// <summary>
/// Canary secrets in every secret field of a parsed job must not show in any model's ToString,
/// record PrintMembers output, debugger display or default System.Text.Json serialization.
/// </summary>
[TestFixture]
public sealed class CanaryModelTests
{
    private static readonly JsonSerializerOptions WithFields = new() { WriteIndented = true, IncludeFields = true };

    private JobDetails _job = null!;
    private IReadOnlyList<object> _models = null!;

    [SetUp]
    public void SetUp()
    {
        _job = ParserHarness.JobDetails(SampleResponses.FullJobDetails);
        _models = ModelGraph.Reachable(_job);
    }

    private static void AssertClean(string? text, string what) =>
        Assert.That(Canaries.Leaks(text), Is.False, () => $"{what} leaks a secret: {text}");

    [Test]
    public void The_canaries_really_are_in_the_parsed_job()
    {
        // Guards the other tests: the secrets are present and readable through the explicit APIs.
        Assert.That(_job.Data!.ArtifactCredentials!.GetSecretAccessKey(), Is.EqualTo(Canaries.SecretAccessKey));
        Assert.That(_job.Data!.ArtifactCredentials.GetSessionToken(), Is.EqualTo(Canaries.SessionToken));
        Assert.That(_job.Data!.ArtifactCredentials.GetAccessKeyId(), Is.EqualTo(Canaries.AccessKeyId));
        Assert.That(_job.Data!.Configuration.GetSecretValue("ApiKey"), Is.EqualTo(Canaries.ConfigValue));
        Assert.That(_models.Select(m => m.GetType()), Is.SupersetOf(new[]
        {
            typeof(JobDetails), typeof(JobData), typeof(ActionTypeId), typeof(ActionConfiguration), typeof(PipelineContext), typeof(Artifact),
            typeof(S3ArtifactLocation), typeof(SessionCredentials), typeof(EncryptionKey), typeof(ActionCategory),
            typeof(ActionOwner), typeof(ArtifactLocationType), typeof(EncryptionKeyType),
        }));
    }

    [Test]
    public void ToString_of_every_model()
    {
        foreach (var model in _models)
        {
            AssertClean(model.ToString(), $"{model.GetType().Name}.ToString()");
        }

        Assert.That(_job.ToString(), Does.Contain("AccessKeyId = ASIA…"), "only the 4-character prefix is shown");
        Assert.That(_job.ToString(), Does.Contain("ApiKey = ***"));
    }

    [Test]
    public void PrintMembers_of_every_record()
    {
        var records = 0;
        foreach (var model in _models)
        {
            if (ModelGraph.PrintMembers(model) is { } printed)
            {
                records++;
                AssertClean(printed, $"{model.GetType().Name}.PrintMembers");
            }
        }

        Assert.That(records, Is.GreaterThanOrEqualTo(9));
    }

    [Test]
    public void Debugger_display_of_every_model()
    {
        foreach (var model in _models)
        {
            AssertClean(ModelGraph.DebuggerDisplay(model) ?? model.ToString(), $"the debugger's view of {model.GetType().Name}");
        }

        Assert.That(ModelGraph.DebuggerDisplay(_job.Data!.ArtifactCredentials!), Does.StartWith("SessionCredentials { AccessKeyId = ASIA…"));
        Assert.That(ModelGraph.DebuggerDisplay(_job.Data!.Configuration), Is.EqualTo("ActionConfiguration { ApiKey = ***, ProjectName = ***, Region = *** }"));
    }

    [Test]
    public void Secret_holding_types_declare_a_safe_debugger_display_and_no_type_proxy()
    {
        foreach (var type in new[] { typeof(SessionCredentials), typeof(ActionConfiguration) })
        {
            Assert.That(type.GetCustomAttribute<DebuggerDisplayAttribute>(), Is.Not.Null, type.Name);
            Assert.That(type.GetCustomAttribute<DebuggerTypeProxyAttribute>(), Is.Null, type.Name);
        }
    }

    [Test]
    public void Default_System_Text_Json_serialization_of_the_job_and_every_model()
    {
        var job = JsonSerializer.Serialize(_job);
        AssertClean(job, "JsonSerializer.Serialize(JobDetails)");
        Assert.That(job, Does.Contain("\"AccessKeyIdPrefix\":\"ASIA\\u2026\""));
        Assert.That(job, Does.Contain("\"Keys\":["));

        foreach (var model in _models)
        {
            AssertClean(JsonSerializer.Serialize(model, model.GetType()), $"JsonSerializer.Serialize({model.GetType().Name})");
            AssertClean(JsonSerializer.Serialize(model, model.GetType(), WithFields), $"JsonSerializer.Serialize({model.GetType().Name}, fields)");
        }
    }

    [Test]
    public void Every_public_model_type_was_covered()
    {
        var modelTypes = typeof(JobDetails).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "ThirdPartyJobs" && !t.IsAbstract && !t.IsInterface && !typeof(Exception).IsAssignableFrom(t) && !typeof(Delegate).IsAssignableFrom(t))
            .Where(t => t != typeof(ThirdPartyJobsOptions) && t != typeof(ThirdPartyJobsRetryOptions) && t != typeof(ServiceErrorDetails))
            .ToList();

        // Types that a GetThirdPartyJobDetails answer does not contain are checked with their own instances.
        var others = new object[]
        {
            new ThirdPartyJob("client-id", "job-id"),
            JobStatus.InProgress,
            JobStatus.FromValue("Paused"),
            FailureType.JobFailed,
            new FailureDetails(FailureType.JobFailed, "message", "ext"),
            new ExecutionDetails("summary", "ext", 5),
            new CurrentRevision("rev", "chg", DateTimeOffset.UnixEpoch, "summary"),
            ActionCategory.Compute,

            // Custom-action jobs carry the same (secret) job data as the parsed third-party job.
            ThirdPartyJobsModelFactory.CustomJob(data: _job.Data),
            ThirdPartyJobsModelFactory.CustomJob(data: _job.Data, fillDefaults: false),
        };
        foreach (var other in others)
        {
            AssertClean(other.ToString(), other.GetType().Name);
            AssertClean(JsonSerializer.Serialize(other, other.GetType()), other.GetType().Name);
        }

        var covered = _models.Select(m => m.GetType()).Concat(others.Select(o => o.GetType())).ToHashSet();
        Assert.That(covered, Is.SupersetOf(modelTypes), "a new model type needs a canary check");
    }
}
