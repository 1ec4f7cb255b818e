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
        ResponseParser.ParseJobDetails(body, new ParseContext(CodePipelineOperation.GetThirdPartyJobDetails, JobId, RequestId));

    public static IReadOnlyList<ThirdPartyJob> Jobs(string json) => Jobs(Encoding.UTF8.GetBytes(json));

    public static IReadOnlyList<ThirdPartyJob> Jobs(byte[] body) =>
        ResponseParser.ParseJobs(body, new ParseContext(CodePipelineOperation.PollForThirdPartyJobs, null, RequestId));

    public static JobStatus Status(string json) => Status(Encoding.UTF8.GetBytes(json));

    public static JobStatus Status(byte[] body) =>
        ResponseParser.ParseAcknowledgeStatus(body, new ParseContext(CodePipelineOperation.AcknowledgeThirdPartyJob, JobId, RequestId));
}
