using System.Buffers;
using System.Net;
using System.Text;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.S3;

namespace ThirdPartyJobs.Artifacts.Storage;

/// <summary>
/// Turns S3's HTTP error answers into <see cref="AmazonS3Exception"/>s having read at most
/// <see cref="MaxErrorBodyBytes"/> of the body, under the request's cancellation (the attempt timeout and
/// the caller's token), and quoting at most <see cref="MaxExcerptChars"/> characters of it, credentials
/// scrubbed. A 100 MB or endless error body thus costs 64 KB, and the SDK never reads or logs it.
/// </summary>
internal sealed class BoundedErrorResponseHandler(Func<IReadOnlyList<string>> secrets) : PipelineHandler
{
    /// <summary>The most bytes of an error body read: S3's error documents are well under 2 KB.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>The most characters of S3's message, or of a body that is no S3 error document, quoted.</summary>
    public const int MaxExcerptChars = 256;

    public override void InvokeSync(IExecutionContext executionContext)
    {
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (HttpErrorResponseException error)
        {
            throw ReadAsync(error, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (HttpErrorResponseException error)
        {
            throw await ReadAsync(error, executionContext.RequestContext.CancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AmazonS3Exception> ReadAsync(HttpErrorResponseException error, CancellationToken cancellationToken)
    {
        var response = error.Response;
        var status = response.StatusCode;
        var requestId = response.GetHeaderValue("x-amz-request-id");
        var extendedRequestId = response.GetHeaderValue("x-amz-id-2");
        byte[] body;
        using (response.ResponseBody)
        {
            body = await ReadBoundedAsync(response.ResponseBody, cancellationToken).ConfigureAwait(false);
        }

        var (code, message, bodyRequestId) = Parse(body);
        var text = message ?? (body.Length == 0 ? $"HTTP {(int)status}" : $"HTTP {(int)status}: {Encoding.UTF8.GetString(body)}");
        return new AmazonS3Exception(
            Excerpt(text, secrets()),
            innerException: null,
            (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender,
            code ?? status.ToString(),
            string.IsNullOrEmpty(requestId) ? bodyRequestId : requestId,
            status,
            extendedRequestId);
    }

    private static async Task<byte[]> ReadBoundedAsync(IHttpResponseBody? body, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return [];
        }

        var stream = await body.OpenResponseAsync().ConfigureAwait(false);
        if (stream is null)
        {
            return [];
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxErrorBodyBytes);
        try
        {
            var length = 0;
            while (length < MaxErrorBodyBytes)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(length, MaxErrorBodyBytes - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads Code, Message and RequestId of S3's <c>&lt;Error&gt;</c> document; whatever a cut-off or foreign body yields.</summary>
    private static (string? Code, string? Message, string? RequestId) Parse(byte[] body)
    {
        string? code = null, message = null, requestId = null;
        if (body.Length == 0)
        {
            return (code, message, requestId);
        }

        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxErrorBodyBytes * 2L };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Code":
                        code = reader.ReadElementContentAsString();
                        break;
                    case "Message":
                        message = reader.ReadElementContentAsString();
                        break;
                    case "RequestId":
                        requestId = reader.ReadElementContentAsString();
                        break;
                }
            }
        }
        catch (XmlException)
        {
            // Not XML, or cut off at the bound: keep what was read.
        }

        return (string.IsNullOrWhiteSpace(code) ? null : Excerpt(code, []), message, requestId is null ? null : Excerpt(requestId, []));
    }

    /// <summary>At most <see cref="MaxExcerptChars"/> characters, credentials scrubbed, control characters (log forging) replaced.</summary>
    private static string Excerpt(string text, IReadOnlyList<string> secrets)
    {
        text = SecretScrubber.Scrub(text, secrets) ?? string.Empty;
        var excerpt = new StringBuilder(Math.Min(text.Length, MaxExcerptChars) + 1);
        foreach (var c in text.Length > MaxExcerptChars ? text.AsSpan(0, MaxExcerptChars) : text.AsSpan())
        {
            excerpt.Append(char.IsControl(c) ? ' ' : c);
        }

        return text.Length > MaxExcerptChars ? excerpt.Append('…').ToString() : excerpt.ToString();
    }
}
