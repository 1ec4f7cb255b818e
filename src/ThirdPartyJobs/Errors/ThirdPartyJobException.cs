using System.Globalization;
using System.Net;
using System.Text;

namespace ThirdPartyJobs;

/// <summary>
/// The base of every error this library reports about a CodePipeline call. Carries what the
/// service said (<see cref="ServiceMessage"/>, <see cref="ErrorCode"/>), the AWS request id and
/// HTTP status whenever a response arrived, the job id and the number of attempts; never a
/// secret. A service error code the library does not know surfaces as this type with
/// <see cref="ErrorCode"/> preserved. Every property is set when the exception is created and
/// never changes afterwards.
/// </summary>
public class ThirdPartyJobException : Exception
{
    // Every fact, set once by a constructor; the properties read it.
    private readonly ServiceErrorDetails _details;

    /// <summary>Creates an exception with every fact at once, for a derived library's errors (they never change afterwards).</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="operation">The operation, e.g. <c>GetThirdPartyJobDetails</c>.</param>
    /// <param name="errorCode">The service's error code.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="jobId">The job the call was about.</param>
    /// <param name="serviceMessage">The service's own message, already scrubbed of secrets.</param>
    /// <param name="attempts">Attempts made; less than 1 means 1.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected ThirdPartyJobException(
        string message, string? operation, string? errorCode, string? requestId, HttpStatusCode? statusCode, string? jobId, string? serviceMessage, int attempts, Exception? innerException)
        : this(message, new ServiceErrorDetails(operation, errorCode, requestId, statusCode, jobId, attempts, serviceMessage), innerException)
    {
    }

    // The message is composed here, once, with every known fact appended:
    // "… (Operation: …, ErrorCode: …, Status: …, RequestId: …, JobId: …)".
    internal ThirdPartyJobException(string message, ServiceErrorDetails details = default, Exception? innerException = null)
        : base(Describe(message, details), innerException) =>
        _details = details;

    /// <summary>The service's own error message, exactly as sent except that request secrets it quoted are replaced by <c>***</c>; null when the service sent none (or no response arrived).</summary>
    public string? ServiceMessage => _details.ServiceMessage;

    /// <summary>The service's error code (e.g. <c>JobNotFoundException</c>), when the service answered with one.</summary>
    public string? ErrorCode => _details.ErrorCode;

    /// <summary>The AWS request id, whenever a response arrived with one. Quote it to AWS Support.</summary>
    public string? RequestId => _details.RequestId;

    /// <summary>The HTTP status, whenever a response arrived (also for a 200 whose body could not be read).</summary>
    public HttpStatusCode? StatusCode => _details.StatusCode;

    /// <summary>The job the call was about, when it was about one.</summary>
    public string? JobId => _details.JobId;

    /// <summary>The CodePipeline operation, e.g. <c>GetThirdPartyJobDetails</c>.</summary>
    public string? Operation => _details.Operation;

    /// <summary>How many attempts were made before this error was reported (1 when it was not retried).</summary>
    public int Attempts => Math.Max(1, _details.Attempts);

    private static string Describe(string message, ServiceErrorDetails facts)
    {
        if (facts.Operation is null && facts.ErrorCode is null && facts.StatusCode is null && facts.RequestId is null && facts.JobId is null)
        {
            return message;
        }

        var text = new StringBuilder(message).Append(" (");
        var first = true;
        Append(text, ref first, "Operation", facts.Operation);
        Append(text, ref first, "ErrorCode", facts.ErrorCode);
        Append(text, ref first, "Status", facts.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : null);
        Append(text, ref first, "RequestId", facts.RequestId);
        Append(text, ref first, "JobId", facts.JobId);
        return text.Append(')').ToString();
    }

    private static void Append(StringBuilder text, ref bool first, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (!first)
        {
            text.Append(", ");
        }

        text.Append(name).Append(": ").Append(value);
        first = false;
    }
}
