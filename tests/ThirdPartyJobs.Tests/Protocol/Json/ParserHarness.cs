using System.Text;
using ThirdPartyJobs.Protocol;
using ThirdPartyJobs.Protocol.Json;

namespace ThirdPartyJobs.Tests.Protocol.Json;

/// <summary>Runs the parser on text the way the client does: UTF-8 bytes plus the call's context.</summary>
internal static class ParserHarness
{
    public const string RequestId = "b1a8f3c2-req";
    public const string JobId = "job-under-test";

    public static JobDetails JobDetails(string json) => JobDetails(Encoding.UTF8.GetBytes(json));

    public static JobDetails JobDetails(byte[] body) =>
        MaybeJobDetails(body) ?? throw new AssertionException("The parser returned no job details.");

    public static JobDetails? MaybeJobDetails(string json) => MaybeJobDetails(Encoding.UTF8.GetBytes(json));

    public static JobDetails? MaybeJobDetails(byte[] body) =>
        ResponseParser.ParseJobDetails(body, new ParseContext(CodePipelineOperation.GetThirdPartyJobDetails, JobId, RequestId));

    public static IReadOnlyList<ThirdPartyJob> Jobs(string json) => Jobs(Encoding.UTF8.GetBytes(json));

    public static IReadOnlyList<ThirdPartyJob> Jobs(byte[] body) =>
        ResponseParser.ParseJobs(body, new ParseContext(CodePipelineOperation.PollForThirdPartyJobs, null, RequestId));

    public static JobStatus Status(string json) => Status(Encoding.UTF8.GetBytes(json));

    public static JobStatus Status(byte[] body) =>
        MaybeStatus(body) ?? throw new AssertionException("The parser returned no status.");

    public static JobStatus? MaybeStatus(string json) => MaybeStatus(Encoding.UTF8.GetBytes(json));

    public static JobStatus? MaybeStatus(byte[] body) =>
        ResponseParser.ParseAcknowledgeStatus(body, new ParseContext(CodePipelineOperation.AcknowledgeThirdPartyJob, JobId, RequestId));

    /// <summary>Asserts that every optional member of <paramref name="data"/> but the configuration is absent (null, or an empty list).</summary>
    public static void AssertOptionalMembersAbsent(JobData data)
    {
        Assert.Multiple(() =>
        {
            Assert.That(data.ActionTypeId, Is.Null);
            Assert.That(data.PipelineContext, Is.Null);
            Assert.That(data.InputArtifacts, Is.Empty);
            Assert.That(data.OutputArtifacts, Is.Empty);
            Assert.That(data.ArtifactCredentials, Is.Null);
            Assert.That(data.ContinuationToken, Is.Null);
            Assert.That(data.EncryptionKey, Is.Null);
        });
    }
}
