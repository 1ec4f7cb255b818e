using System.Net.Http.Headers;
using System.Text.Json;

namespace ThirdPartyJobs.Benchmarks.Harness;

/// <summary>
/// The transport limit: a bare <see cref="HttpClient"/> POST of the same request bytes the client
/// sends (no signing, no retries, no records), and one <see cref="Utf8JsonReader"/> pass over the
/// response. Nothing a real client could do on this HTTP stack is cheaper.
/// </summary>
public sealed class RawCodePipelineCaller : IDisposable
{
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.1");
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public RawCodePipelineCaller(Uri endpoint)
    {
        _endpoint = endpoint;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false });
    }

    /// <summary>Sends one <c>GetThirdPartyJobDetails</c> and returns the number of JSON tokens in the answer.</summary>
    public async Task<int> GetJobDetailsAsync(byte[] requestBody, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(requestBody) };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "CodePipeline_20150709.GetThirdPartyJobDetails");
        request.Content.Headers.ContentType = AmzJson;
        using var response = await _http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return CountTokens(body);
    }

    public void Dispose() => _http.Dispose();

    private static int CountTokens(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
