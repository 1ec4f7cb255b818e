namespace ThirdPartyJobs.Protocol.Json;

/// <summary>
/// Reads CodePipeline's JSON responses into the library's records, one small reader per output
/// shape of the API model. Each reader names its members once (a <see cref="MemberNames"/> table)
/// and says which rule reads each; the rules themselves (absent, null, duplicate, unknown, wrong
/// type) live in <see cref="JsonCursor"/>, and every output's one-member envelope in
/// <see cref="JsonCursor.Parse"/>.
/// </summary>
internal static partial class ResponseParser
{
    private static readonly MemberNames JobDetailsOutput = new("jobDetails");
    private static readonly MemberNames JobsOutput = new("jobs");
    private static readonly MemberNames AcknowledgeOutput = new("status");
    private static readonly MemberNames JobDetailsShape = new("id", "nonce", "data");
    private static readonly MemberNames ThirdPartyJobShape = new("clientId", "jobId");

    // PollForJobs' Job and GetJobDetails' JobDetails: the same members, except that the latter has no nonce.
    private static readonly MemberNames CustomJobShape = new("id", "nonce", "accountId", "data");

    /// <summary><c>GetThirdPartyJobDetails</c>: null when the answer has no <c>jobDetails</c> (it is optional).</summary>
    public static JobDetails? ParseJobDetails(ReadOnlySpan<byte> body, in ParseContext context) =>
        JsonCursor.Parse(body, context, JobDetailsOutput, static (ref JsonCursor inner) => inner.Object(ReadJobDetails), null);

    /// <summary><c>PollForThirdPartyJobs</c>: empty when the answer has no <c>jobs</c>.</summary>
    public static IReadOnlyList<ThirdPartyJob> ParseJobs(ReadOnlySpan<byte> body, in ParseContext context) =>
        JsonCursor.Parse(body, context, JobsOutput, static (ref JsonCursor inner) => inner.List(ReadThirdPartyJob), []);

    /// <summary><c>AcknowledgeThirdPartyJob</c> (and <c>AcknowledgeJob</c>): null when the answer has no <c>status</c>.</summary>
    public static JobStatus? ParseAcknowledgeStatus(ReadOnlySpan<byte> body, in ParseContext context) =>
        JsonCursor.Parse(body, context, AcknowledgeOutput, static (ref JsonCursor inner) => inner.Enum<JobStatus>(), null);

    /// <summary><c>PollForJobs</c>: empty when the answer has no <c>jobs</c>.</summary>
    public static IReadOnlyList<CustomJob> ParseCustomJobs(ReadOnlySpan<byte> body, in ParseContext context) =>
        JsonCursor.Parse(body, context, JobsOutput, static (ref JsonCursor inner) => inner.List(ReadCustomJob), []);

    /// <summary><c>GetJobDetails</c>: null when the answer has no <c>jobDetails</c>.</summary>
    public static CustomJob? ParseCustomJobDetails(ReadOnlySpan<byte> body, in ParseContext context) =>
        JsonCursor.Parse(body, context, JobDetailsOutput, static (ref JsonCursor inner) => inner.Object(ReadCustomJob), null);

    private static JobDetails ReadJobDetails(ref JsonCursor cursor)
    {
        var values = ReadStrings(ref cursor, JobDetailsShape, ReadJobDataMember, out var data);
        return new JobDetails(values[0], values[1], data);
    }

    private static ThirdPartyJob ReadThirdPartyJob(ref JsonCursor cursor)
    {
        var values = ReadStrings(ref cursor, ThirdPartyJobShape);
        return new ThirdPartyJob(values[0], values[1]);
    }

    private static CustomJob ReadCustomJob(ref JsonCursor cursor)
    {
        var values = ReadStrings(ref cursor, CustomJobShape, ReadJobDataMember, out var data);
        return new CustomJob(values[0], data, values[1], values[2]);
    }

    private static JobData? ReadJobDataMember(ref JsonCursor cursor) => cursor.Object(ReadJobData);
}
