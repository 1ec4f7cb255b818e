using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ThirdPartyJobs.Testing.Tests.Support;

/// <summary>
/// Speaks the wire protocol to an emulator over real HTTP, signing with <see cref="TestSigV4Signer"/>. The signing
/// inputs are settable so tests can get them wrong on purpose.
/// </summary>
internal sealed class EmulatorClient : IDisposable
{
    private readonly HttpClient _http;

    public EmulatorClient(CodePipelineEmulator emulator, TimeSpan? timeout = null)
    {
        ServiceUrl = emulator.ServiceUrl;
        AccessKeyId = emulator.Credential.AccessKeyId;
        SecretKey = emulator.Credential.SecretAccessKey;
        SessionToken = emulator.Credential.SessionToken;
        Region = emulator.Region;
        Clock = () => emulator.TimeProvider.GetUtcNow();
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
    }

    public string ServiceUrl { get; }

    public string AccessKeyId { get; set; }

    public string SecretKey { get; set; }

    public string? SessionToken { get; set; }

    public bool SignSessionToken { get; set; } = true;

    public string Region { get; set; }

    public string Service { get; set; } = "codepipeline";

    public Func<DateTimeOffset> Clock { get; set; }

    public static string Target(CodePipelineOperation operation) => "CodePipeline_20150709." + operation;

    public Task<EmulatorResponse> CallAsync(CodePipelineOperation operation, object input, CancellationToken cancellationToken = default) =>
        SendAsync(Target(operation), JsonSerializer.Serialize(input), cancellationToken: cancellationToken);

    /// <summary>
    /// Sends one request. <paramref name="beforeSigning"/> may change what gets signed; <paramref name="afterSigning"/>
    /// may tamper with the signed request; <paramref name="bodyAfterSigning"/> replaces the body after signing.
    /// </summary>
    public async Task<EmulatorResponse> SendAsync(
        string? target,
        string body,
        Action<HttpRequestMessage>? beforeSigning = null,
        Action<HttpRequestMessage>? afterSigning = null,
        string? bodyAfterSigning = null,
        string contentType = "application/x-amz-json-1.1",
        bool sign = true,
        CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, ServiceUrl + "/")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        beforeSigning?.Invoke(request);
        if (sign)
        {
            TestSigV4Signer.Sign(request, bytes, new SigningParameters(AccessKeyId, SecretKey, Region, Service, Clock())
            {
                SessionToken = SessionToken,
                SignSessionToken = SignSessionToken,
            });
        }

        afterSigning?.Invoke(request);
        if (bodyAfterSigning is not null)
        {
            var contentTypeHeader = request.Content.Headers.ContentType;
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(bodyAfterSigning));
            request.Content.Headers.ContentType = contentTypeHeader;
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new EmulatorResponse(response.StatusCode, text, response.Headers, response.Content.Headers);
    }

    public Task<EmulatorResponse> PollAsync(RegisteredActionType actionType, int? maxBatchSize = null) =>
        CallAsync(
            CodePipelineOperation.PollForThirdPartyJobs,
            maxBatchSize is null
                ? new { actionTypeId = ActionTypeId(actionType) }
                : new { actionTypeId = ActionTypeId(actionType), maxBatchSize });

    public Task<EmulatorResponse> GetDetailsAsync(string jobId, string clientToken) =>
        CallAsync(CodePipelineOperation.GetThirdPartyJobDetails, new { jobId, clientToken });

    public Task<EmulatorResponse> AcknowledgeAsync(string jobId, string nonce, string clientToken) =>
        CallAsync(CodePipelineOperation.AcknowledgeThirdPartyJob, new { jobId, nonce, clientToken });

    public Task<EmulatorResponse> PutSuccessAsync(string jobId, string clientToken) =>
        CallAsync(CodePipelineOperation.PutThirdPartyJobSuccessResult, new { jobId, clientToken });

    public Task<EmulatorResponse> PutFailureAsync(string jobId, string clientToken, string type = "JobFailed", string message = "it broke") =>
        CallAsync(CodePipelineOperation.PutThirdPartyJobFailureResult, new { jobId, clientToken, failureDetails = new { type, message } });

    /// <summary>Polls for one job of the action type and returns its id (asserting there was one).</summary>
    /// <summary>Polls <paramref name="times"/> times in a row, e.g. to see scripted faults consumed in order.</summary>
    public async Task<EmulatorResponse[]> PollTimesAsync(RegisteredActionType actionType, int times)
    {
        var responses = new EmulatorResponse[times];
        for (var i = 0; i < times; i++)
        {
            responses[i] = await PollAsync(actionType);
        }

        return responses;
    }

    public async Task<string> PollOneAsync(RegisteredActionType actionType)
    {
        var response = await PollAsync(actionType);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
        var jobs = response.Json.GetProperty("jobs");
        Assert.That(jobs.GetArrayLength(), Is.EqualTo(1), response.ToString());
        return jobs[0].GetProperty("jobId").GetString()!;
    }

    /// <summary>Gets a job's details and returns the nonce (asserting success).</summary>
    public async Task<string> GetNonceAsync(string jobId, string clientToken)
    {
        var response = await GetDetailsAsync(jobId, clientToken);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), response.ToString());
        return response.Json.GetProperty("jobDetails").GetProperty("nonce").GetString()!;
    }

    /// <summary>Polls, gets details and acknowledges one job; returns its id, in progress.</summary>
    public async Task<string> ClaimOneAsync(RegisteredActionType actionType)
    {
        var jobId = await PollOneAsync(actionType);
        var nonce = await GetNonceAsync(jobId, actionType.ClientToken);
        var ack = await AcknowledgeAsync(jobId, nonce, actionType.ClientToken);
        Assert.That(ack.Json.GetProperty("status").GetString(), Is.EqualTo("InProgress"), ack.ToString());
        return jobId;
    }

    public void Dispose() => _http.Dispose();

    private static object ActionTypeId(RegisteredActionType actionType) => new
    {
        category = actionType.Category,
        owner = actionType.Owner,
        provider = actionType.Provider,
        version = actionType.Version,
    };
}
