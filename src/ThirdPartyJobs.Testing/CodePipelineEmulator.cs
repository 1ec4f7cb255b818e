using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ThirdPartyJobs.Testing.Inspection;
using ThirdPartyJobs.Testing.Logging;
using ThirdPartyJobs.Testing.Protocol;
using ThirdPartyJobs.Testing.Signing;
using ThirdPartyJobs.Testing.State;

namespace ThirdPartyJobs.Testing;

/// <summary>
/// An in-process emulator of AWS CodePipeline's job APIs — third-party (<c>PollForThirdPartyJobs</c>,
/// <c>GetThirdPartyJobDetails</c>, <c>AcknowledgeThirdPartyJob</c>, <c>PutThirdPartyJobSuccessResult</c>,
/// <c>PutThirdPartyJobFailureResult</c>) and custom-action (<c>PollForJobs</c>, <c>AcknowledgeJob</c>,
/// <c>GetJobDetails</c>, <c>PutJobSuccessResult</c>, <c>PutJobFailureResult</c>) — over the AWS JSON 1.1 wire protocol, with SigV4 verification, the job state
/// machine, scripted and random faults, and inspection of everything it saw. Listens on 127.0.0.1 only.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await CodePipelineEmulator.StartAsync();
/// var actionType = emulator.RegisterActionType("Build", "ThirdParty", "MyProvider", "1");
/// var jobId = emulator.CreateJob(actionType, new JobSpec { Configuration = { ["Project"] = "demo" } });
/// // point a client at emulator.ServiceUrl, signed with emulator.Credential for emulator.Region
/// await emulator.WaitForAllJobsTerminalAsync(cancellationToken);
/// </code>
/// </example>
public sealed class CodePipelineEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly JobStore _store;
    private readonly RequestLog _requestLog;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping;
    private int _disposed;

    private CodePipelineEmulator(WebApplication app, JobStore store, RequestLog requestLog, EmulatorFaults faults, ILogger logger, CancellationTokenSource stopping, CodePipelineEmulatorOptions options, string serviceUrl)
    {
        _app = app;
        _store = store;
        _requestLog = requestLog;
        _logger = logger;
        _stopping = stopping;
        Credential = options.EffectiveCredentials[0];
        Faults = faults;
        Region = options.Region;
        AccountId = options.AccountId;
        TimeProvider = options.TimeProvider;
        ServiceUrl = serviceUrl;
    }

    /// <summary>The endpoint to point a client at, e.g. <c>http://127.0.0.1:54321</c> (no trailing slash).</summary>
    public string ServiceUrl { get; }

    /// <summary>The region that requests must be signed for.</summary>
    public string Region { get; }

    /// <summary>The AWS account that custom-action jobs run in (see <see cref="CodePipelineEmulatorOptions.AccountId"/>).</summary>
    public string AccountId { get; }

    /// <summary>
    /// The credential to sign requests with: the first one of <see cref="CodePipelineEmulatorOptions.Credentials"/>,
    /// by default <see cref="EmulatorCredential.Default"/>.
    /// </summary>
    public EmulatorCredential Credential { get; }

    /// <summary>The emulator's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Scripted and random faults.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>Every request received so far, in order of arrival (a copy).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requestLog.Snapshot();

    /// <summary>Every result accepted so far, in order (a copy).</summary>
    public IReadOnlyList<ReportedJobResult> Results => _store.Results();

    /// <summary>Every job created so far, in order of creation, as it is now (timeouts evaluated first).</summary>
    public IReadOnlyList<JobSnapshot> Jobs => _store.Snapshot();

    /// <summary>Starts an emulator on a free port of 127.0.0.1.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    public static async Task<CodePipelineEmulator> StartAsync(CodePipelineEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CodePipelineEmulatorOptions();
        options.Validate();
        var credentials = options.EffectiveCredentials;
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<CodePipelineEmulator>();
        var store = new JobStore(options.TimeProvider, options.MaxDispatchesPerJob, options.AccountId, logger);
        var requestLog = new RequestLog();
        var faults = new EmulatorFaults();
        var stopping = new CancellationTokenSource();
        var pipeline = new RequestPipeline(
            new SigV4Verifier(credentials, options.Region, options.TimeProvider),
            faults,
            new OperationDispatcher(store),
            new ResponseWriter(options.ErrorCodeStyle, options.TimeProvider),
            requestLog,
            options.TimeProvider,
            logger,
            stopping.Token);

        // An empty builder: no configuration sources, no logging providers (ASP.NET Core's own logs go nowhere,
        // so nothing it might log about requests can leak), Kestrel only.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(CodePipelineEmulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 8 * 1024 * 1024;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            stopping.Dispose();
            store.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var serviceUrl = new Uri(address).GetLeftPart(UriPartial.Authority);
        logger.Started(serviceUrl, options.Region);
        return new CodePipelineEmulator(app, store, requestLog, faults, logger, stopping, options, serviceUrl);
    }

    /// <summary>
    /// Registers an action type, so that it can be polled and given jobs. Arguments must meet the model's
    /// constraints (category one of Source, Build, Deploy, Test, Invoke, Approval, Compute; owner AWS, ThirdParty or
    /// Custom; provider 1-35 and version 1-9 of <c>[0-9A-Za-z_-]</c>). An action type owned by <c>Custom</c> is
    /// served by the custom-action operations (<c>PollForJobs</c>, <c>AcknowledgeJob</c>, <c>GetJobDetails</c>,
    /// <c>PutJobSuccessResult</c>, <c>PutJobFailureResult</c>); any other by the third-party ones.
    /// </summary>
    /// <param name="category">The action category, e.g. <c>Build</c>.</param>
    /// <param name="owner">The owner: <c>ThirdParty</c> for a partner action, <c>Custom</c> for a custom action.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="version">The version.</param>
    /// <param name="jobTimeout">How long after dispatch a job without a result times out; <see langword="null"/> for 10 minutes.</param>
    /// <param name="queryableProperty">
    /// A custom action type's queryable configuration property (1-50 characters): <c>PollForJobs</c> must then name
    /// it in <c>queryParam</c> and gets only the jobs whose configuration has the value asked for.
    /// </param>
    /// <returns>The registration, with the client id and the secret client token.</returns>
    /// <exception cref="InvalidOperationException">The action type is already registered.</exception>
    /// <exception cref="ArgumentException">An argument breaks the model, or a queryable property is given for an owner other than <c>Custom</c>.</exception>
    public RegisteredActionType RegisterActionType(string category, string owner, string provider, string version, TimeSpan? jobTimeout = null, string? queryableProperty = null) =>
        _store.RegisterActionType(category, owner, provider, version, jobTimeout, queryableProperty);

    /// <summary>
    /// Configuration keys that point a job worker at this emulator to serve <paramref name="actionType"/>, for
    /// <c>AddInMemoryCollection</c>: <c>AWS:ServiceURL</c>, <c>AWS:Region</c> and <c>AWS:AuthenticationRegion</c>
    /// (read by the AWS SDK's <c>GetAWSOptions()</c>), and under <paramref name="workerSection"/>
    /// <c>ActionTypeId:Category</c>, <c>:Owner</c>, <c>:Provider</c>, <c>:Version</c> and, for a third-party action
    /// type, <c>ClientTokens:&lt;clientId&gt;</c> (the client token: a secret, as in any worker configuration). The
    /// AWS SDK reads no keys from configuration, so <see cref="Credential"/> is left out: set it on
    /// <c>AWSOptions.Credentials</c>.
    /// </summary>
    /// <param name="actionType">An action type registered with this emulator.</param>
    /// <param name="workerSection">The worker's configuration section.</param>
    /// <returns>The keys and values.</returns>
    /// <exception cref="ArgumentException"><paramref name="actionType"/> is not registered with this emulator.</exception>
    public IReadOnlyDictionary<string, string?> WorkerConfiguration(RegisteredActionType actionType, string workerSection = Testing.WorkerConfiguration.DefaultWorkerSection)
    {
        ArgumentNullException.ThrowIfNull(actionType);
        if (!_store.IsRegistered(actionType))
        {
            throw new ArgumentException($"Action type {actionType} is not registered with this emulator.", nameof(actionType));
        }

        return Testing.WorkerConfiguration.Build(ServiceUrl, Region, actionType, workerSection);
    }

    /// <summary>Queues a job of a registered action type, built from <paramref name="spec"/>.</summary>
    /// <param name="actionType">The action type, from <see cref="RegisterActionType"/>.</param>
    /// <param name="spec">What the job's data carries; <see langword="null"/> for the defaults.</param>
    /// <returns>The job id (a UUID).</returns>
    public string CreateJob(RegisteredActionType actionType, JobSpec? spec = null)
    {
        ArgumentNullException.ThrowIfNull(actionType);
        spec ??= new JobSpec();
        JobData.Validate(spec);
        return _store.CreateJob(actionType, JobData.Build(actionType, spec, Region, AccountId));
    }

    /// <summary>
    /// Queues a job whose <c>data</c> object is <paramref name="dataJson"/> verbatim (for odd-but-valid job data);
    /// it must be one JSON object and is not checked further.
    /// </summary>
    /// <param name="actionType">The action type, from <see cref="RegisterActionType"/>; polls of it hand the job out.</param>
    /// <param name="dataJson">The job's <c>data</c> JSON object.</param>
    /// <returns>The job id (a UUID).</returns>
    public string CreateJobWithRawData(RegisteredActionType actionType, string dataJson)
    {
        ArgumentNullException.ThrowIfNull(actionType);
        return _store.CreateJob(actionType, JobData.NormalizeRaw(dataJson));
    }

    /// <summary>A job as it is now (timeouts evaluated first).</summary>
    /// <param name="jobId">The job id.</param>
    /// <returns>The job's snapshot.</returns>
    /// <exception cref="KeyNotFoundException">No job has that id.</exception>
    public JobSnapshot GetJob(string jobId)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        return _store.Snapshot(jobId) ?? throw new KeyNotFoundException($"No job '{jobId}' exists.");
    }

    /// <summary>How many requests named an operation, whatever their outcome.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The number of requests.</returns>
    public int GetCallCount(CodePipelineOperation operation) => _requestLog.CallCount(operation);

    /// <summary>
    /// Completes once every job created so far (follow-up jobs included) is Succeeded, Failed or TimedOut; at once
    /// when there are none. Timeouts count as they happen on the emulator's clock.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when all jobs are terminal.</returns>
    public Task WaitForAllJobsTerminalAsync(CancellationToken cancellationToken = default) =>
        _store.WaitForAllTerminalAsync(cancellationToken);

    /// <summary>Completes with the first request, past or future, that <paramref name="predicate"/> accepts, once it has been answered.</summary>
    /// <param name="predicate">Picks the request.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The recorded request.</returns>
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return _requestLog.WaitForAsync(predicate, cancellationToken);
    }

    /// <summary>Stops the emulator: held (delayed) calls are dropped, the listener closes, waiters fail.</summary>
    /// <returns>A task that completes when the emulator has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _store.Dispose();
            _stopping.Dispose();
            _logger.Stopped(ServiceUrl);
        }
    }
}
