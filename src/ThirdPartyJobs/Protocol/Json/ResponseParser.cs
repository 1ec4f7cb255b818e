namespace ThirdPartyJobs.Protocol.Json;

/// <summary>
/// Reads CodePipeline's JSON responses into the library's records, one small reader per output
/// shape of the API model. Each reader names its members once (a <see cref="MemberNames"/> table)
/// and says which rule reads each; the rules themselves (absent, null, duplicate, unknown, wrong
/// type) live in <see cref="JsonCursor"/>.
/// </summary>
internal static partial class ResponseParser
{
    private static readonly MemberNames GetJobDetailsOutput = new("jobDetails");
    private static readonly MemberNames JobDetailsShape = new("id", "nonce", "data");
    private static readonly MemberNames PollOutput = new("jobs");
    private static readonly MemberNames ThirdPartyJobShape = new("clientId", "jobId");
    private static readonly MemberNames AcknowledgeOutput = new("status");

    /// <summary><c>GetThirdPartyJobDetails</c>: null when the answer has no <c>jobDetails</c> (it is optional).</summary>
    public static JobDetails? ParseJobDetails(ReadOnlySpan<byte> body, in ParseContext context) =>
        JsonCursor.Parse(body, context, static (ref JsonCursor cursor) =>
        {
            JobDetails? details = null;
            while (cursor.Next(GetJobDetailsOutput, out _))
            {
                details = cursor.Object(ReadJobDetails);
            }

            return details;
        });

    /// <summary><c>PollForThirdPartyJobs</c>: empty when the answer has no <c>jobs</c>.</summary>
    public static IReadOnlyList<ThirdPartyJob> ParseJobs(ReadOnlySpan<byte> body, in ParseContext context) =>
        JsonCursor.Parse(body, context, static (ref JsonCursor cursor) =>
        {
            IReadOnlyList<ThirdPartyJob> jobs = [];
            while (cursor.Next(PollOutput, out _))
            {
                jobs = cursor.List(ReadThirdPartyJob);
            }

            return jobs;
        });

    /// <summary><c>AcknowledgeThirdPartyJob</c> (and <c>AcknowledgeJob</c>): null when the answer has no <c>status</c>.</summary>
    public static JobStatus? ParseAcknowledgeStatus(ReadOnlySpan<byte> body, in ParseContext context) =>
        JsonCursor.Parse(body, context, static (ref JsonCursor cursor) =>
        {
            JobStatus? status = null;
            while (cursor.Next(AcknowledgeOutput, out _))
            {
                status = cursor.Enum<JobStatus>();
            }

            return status;
        });

    private static JobDetails ReadJobDetails(ref JsonCursor cursor)
    {
        string? id = null, nonce = null;
        JobData? data = null;
        while (cursor.Next(JobDetailsShape, out var member))
        {
            switch (member)
            {
                case 0: id = cursor.String(); break;
                case 1: nonce = cursor.String(); break;
                default: data = cursor.Object(ReadJobData); break;
            }
        }

        return new JobDetails(id, nonce, data);
    }

    private static ThirdPartyJob ReadThirdPartyJob(ref JsonCursor cursor)
    {
        string? clientId = null, jobId = null;
        while (cursor.Next(ThirdPartyJobShape, out var member))
        {
            if (member == 0)
            {
                clientId = cursor.String();
            }
            else
            {
                jobId = cursor.String();
            }
        }

        return new ThirdPartyJob(clientId, jobId);
    }
}
