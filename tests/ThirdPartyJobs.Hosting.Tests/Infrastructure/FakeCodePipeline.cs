using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Infrastructure;

/// <summary>A result the worker reported, as the mocked client received it.</summary>
internal sealed record Report(
    string JobId,
    string ClientToken,
    JobOutcomeKind Kind,
    CurrentRevision? CurrentRevision,
    string? ContinuationToken,
    ExecutionDetails? ExecutionDetails,
    FailureDetails? Failure,
    DateTimeOffset At);

/// <summary>
/// A mocked <see cref="IThirdPartyJobClient"/> backed by a small in-memory job queue. Tests
/// override single setups (e.g. <c>Mock.Setup(c =&gt; c.AcknowledgeJobAsync(...)).ThrowsAsync(...)</c>)
/// to script faults.
/// </summary>
internal sealed class FakeCodePipeline
{
    private readonly FakeTimeProvider _time;
    private readonly ConcurrentQueue<ThirdPartyJob> _pending = new();
    private readonly ConcurrentDictionary<string, JobDetails> _details = new();
    private readonly ConcurrentQueue<int> _pollSizes = new();
    private readonly ConcurrentQueue<DateTimeOffset> _pollTimes = new();
    private readonly ConcurrentQueue<(int Index, int Received)> _pollResults = new();
    private readonly ConcurrentQueue<Report> _reports = new();
    private int _nextJob;

    public FakeCodePipeline(FakeTimeProvider time)
    {
        _time = time;
        Mock.Setup(c => c.PollForJobsAsync(It.IsAny<ActionTypeId>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Returns<ActionTypeId, int, CancellationToken>((_, max, _) => PollAsync(max));
        Mock.Setup(c => c.GetJobDetailsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<string, string, CancellationToken>((jobId, _, _) => Task.FromResult<JobDetails?>(_details[jobId]));
        Mock.Setup(c => c.AcknowledgeJobAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(JobStatus.InProgress);
        Mock.Setup(c => c.PutJobSuccessResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CurrentRevision?>(), It.IsAny<string?>(), It.IsAny<ExecutionDetails?>(), It.IsAny<CancellationToken>()))
            .Returns<string, string, CurrentRevision?, string?, ExecutionDetails?, CancellationToken>((jobId, token, revision, continuation, details, _) =>
            {
                RecordSuccess(jobId, token, revision, continuation, details);
                return Task.CompletedTask;
            });
        Mock.Setup(c => c.PutJobFailureResultAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<FailureDetails>(), It.IsAny<CancellationToken>()))
            .Returns<string, string, FailureDetails, CancellationToken>((jobId, token, failure, _) =>
            {
                RecordFailure(jobId, token, failure);
                return Task.CompletedTask;
            });
    }

    public Mock<IThirdPartyJobClient> Mock { get; } = new(MockBehavior.Strict);

    /// <summary>When set, the next polls throw what it returns (null: poll normally).</summary>
    public Func<Exception?>? PollFault { get; set; }

    public IReadOnlyList<int> PollSizes => _pollSizes.ToArray();

    public IReadOnlyList<DateTimeOffset> PollTimes => _pollTimes.ToArray();

    public int Polls => _pollSizes.Count;

    /// <summary>How many jobs each poll returned, by poll index (failed polls are absent).</summary>
    public IReadOnlyDictionary<int, int> PollResults => _pollResults.ToDictionary(result => result.Index, result => result.Received);

    public IReadOnlyList<Report> Reports => _reports.ToArray();

    public int PendingCount => _pending.Count;

    /// <summary>Queues a job and returns its id.</summary>
    public string AddJob(string clientId = WorkerHarness.ClientId, string? continuationToken = null, string? jobId = null)
    {
        jobId ??= "job-" + Interlocked.Increment(ref _nextJob);
        _details[jobId] = Details(jobId, continuationToken);
        _pending.Enqueue(ThirdPartyJobsModelFactory.ThirdPartyJob(clientId, jobId));
        return jobId;
    }

    public void AddJobs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            AddJob();
        }
    }

    /// <summary>Acknowledging <paramref name="jobId"/> fails as when another worker acknowledged it first (InvalidNonceException).</summary>
    public void AcknowledgedElsewhere(string jobId) =>
        Mock.Setup(c => c.AcknowledgeJobAsync(jobId, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ThirdPartyJobsModelFactory.ServiceError("InvalidNonceException", "The nonce does not match."));

    /// <summary>Replaces the details GetJobDetails returns for a job (e.g. fresh credentials).</summary>
    public void SetDetails(string jobId, JobDetails details) => _details[jobId] = details;

    // Built with the model factory (the records' constructors are internal); fillDefaults: false leaves out the members the fake does not set.
    public static JobDetails Details(string jobId, string? continuationToken = null, SessionCredentials? credentials = null, bool withCredentials = true) =>
        ThirdPartyJobsModelFactory.JobDetails(
            id: jobId,
            nonce: "nonce-" + jobId,
            actionTypeId: WorkerHarness.ActionType,
            configuration: [new("ApiKey", Canary.ConfigurationValue), new("Project", Canary.ConfigurationValue + "-project")],
            pipelineContext: ThirdPartyJobsModelFactory.PipelineContext("pipeline-a", "stage-b", "action-c", "execution-d"),
            inputArtifacts: [ThirdPartyJobsModelFactory.Artifact("source", "rev-1")],
            outputArtifacts: [ThirdPartyJobsModelFactory.Artifact("output")],
            artifactCredentials: withCredentials ? credentials ?? Canary.Credentials() : null,
            continuationToken: continuationToken,
            fillDefaults: false);

    public void RecordSuccess(string jobId, string token, CurrentRevision? revision, string? continuation, ExecutionDetails? details) =>
        _reports.Enqueue(new Report(jobId, token, continuation is null ? JobOutcomeKind.Succeeded : JobOutcomeKind.ContinueLater, revision, continuation, details, null, _time.GetUtcNow()));

    public void RecordFailure(string jobId, string token, FailureDetails failure) =>
        _reports.Enqueue(new Report(jobId, token, JobOutcomeKind.Failed, null, null, null, failure, _time.GetUtcNow()));

    private Task<IReadOnlyList<ThirdPartyJob>> PollAsync(int max)
    {
        _pollSizes.Enqueue(max);
        _pollTimes.Enqueue(_time.GetUtcNow());
        var index = _pollSizes.Count - 1;
        if (PollFault?.Invoke() is { } fault)
        {
            return Task.FromException<IReadOnlyList<ThirdPartyJob>>(fault);
        }

        var jobs = new List<ThirdPartyJob>();
        while (jobs.Count < max && _pending.TryDequeue(out var job))
        {
            jobs.Add(job);
        }

        _pollResults.Enqueue((index, jobs.Count));

        return Task.FromResult<IReadOnlyList<ThirdPartyJob>>(jobs);
    }
}
