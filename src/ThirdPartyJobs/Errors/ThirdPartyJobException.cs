using System.Net;
using System.Text;

namespace ThirdPartyJobs;

/// <summary>
/// The base of every error this library reports about a CodePipeline call. Carries the
/// service's error code, the AWS request id, the HTTP status and the job id, never a secret.
/// A service error code the library does not know surfaces as this type with
/// <see cref="ErrorCode"/> preserved.
/// </summary>
public class ThirdPartyJobException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    public ThirdPartyJobException(string message) : this(message, details: default, innerException: null)
    {
    }

    /// <summary>Creates an exception with a message and the error's details.</summary>
    /// <param name="message">What went wrong. Must not contain secrets.</param>
    /// <param name="details">The service error's details.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ThirdPartyJobException(string message, ServiceErrorDetails details, Exception? innerException = null)
        : base(Describe(message, details), innerException)
    {
        ErrorCode = details.ErrorCode;
        RequestId = details.RequestId;
        StatusCode = details.StatusCode;
        JobId = details.JobId;
        Operation = details.Operation;
    }

    /// <summary>The service's error code (e.g. <c>JobNotFoundException</c>), when the service answered with one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The AWS request id of the failed call, when known. Quote it to AWS Support.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status of the failed call, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The job the call was about, when it was about one.</summary>
    public string? JobId { get; }

    /// <summary>The CodePipeline operation, e.g. <c>GetThirdPartyJobDetails</c>.</summary>
    public string? Operation { get; }

    /// <summary>How many attempts were made before this error was reported (1 when it was not retried).</summary>
    /// <remarks>Settable by derived exceptions so that companion packages (e.g. the artifact API, with its own retry layer) can report their attempt count.</remarks>
    public int Attempts { get; protected internal set; } = 1;

    private static string Describe(string message, ServiceErrorDetails details)
    {
        var text = new StringBuilder(message);
        var hasAny = details.Operation is not null || details.ErrorCode is not null || details.StatusCode is not null
            || details.RequestId is not null || details.JobId is not null;
        if (!hasAny)
        {
            return message;
        }

        text.Append(" (");
        var first = true;
        Append(text, ref first, "Operation", details.Operation);
        Append(text, ref first, "ErrorCode", details.ErrorCode);
        Append(text, ref first, "Status", details.StatusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Append(text, ref first, "RequestId", details.RequestId);
        Append(text, ref first, "JobId", details.JobId);
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
