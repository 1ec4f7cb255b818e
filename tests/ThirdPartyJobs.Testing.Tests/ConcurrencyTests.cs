using System.Collections.Concurrent;

namespace ThirdPartyJobs.Testing.Tests;

public sealed class ConcurrencyTests : EmulatorTest
{
    [Test]
    public async Task Two_hundred_jobs_worked_by_eight_parallel_workers_are_each_handed_out_and_completed_once()
    {
        const int JobCount = 200;
        var created = Enumerable.Range(0, JobCount)
            .Select(i => Emulator.CreateJob(ActionType, new JobSpec { Configuration = { ["Index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) } }))
            .ToHashSet();
        var handedOut = new ConcurrentBag<string>();
        var completed = 0;

        async Task WorkAsync()
        {
            for (var round = 0; round < 10_000 && Volatile.Read(ref completed) < JobCount; round++)
            {
                var poll = await Client.PollAsync(ActionType, maxBatchSize: 3);
                Assert.That((int)poll.StatusCode, Is.EqualTo(200), poll.ToString());
                foreach (var job in poll.Json.GetProperty("jobs").EnumerateArray())
                {
                    var jobId = job.GetProperty("jobId").GetString()!;
                    handedOut.Add(jobId);
                    var nonce = await Client.GetNonceAsync(jobId, ActionType.ClientToken);
                    var ack = await Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken);
                    Assert.That(ack.Json.GetProperty("status").GetString(), Is.EqualTo("InProgress"), ack.ToString());
                    var put = await Client.PutSuccessAsync(jobId, ActionType.ClientToken);
                    Assert.That((int)put.StatusCode, Is.EqualTo(200), put.ToString());
                    Interlocked.Increment(ref completed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(WorkAsync)));
        await Emulator.WaitForAllJobsTerminalAsync(Within());

        Assert.Multiple(() =>
        {
            Assert.That(handedOut, Has.Count.EqualTo(JobCount));
            Assert.That(handedOut.ToHashSet().SetEquals(created), Is.True);
            Assert.That(Emulator.Results.Select(r => r.JobId), Is.EquivalentTo(created));
            Assert.That(Emulator.Jobs, Has.All.Matches<JobSnapshot>(j => j.State == EmulatedJobState.Succeeded && j.DispatchCount == 1 && j.AcknowledgeCount == 1));
            Assert.That(Emulator.GetCallCount(CodePipelineOperation.PutThirdPartyJobSuccessResult), Is.EqualTo(JobCount));
        });
    }

    [Test]
    public async Task Thirty_two_simultaneous_polls_never_hand_out_a_job_twice()
    {
        var created = Enumerable.Range(0, 100).Select(_ => Emulator.CreateJob(ActionType)).ToHashSet();

        var polls = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => Client.PollAsync(ActionType, maxBatchSize: 5))));

        var handedOut = polls.SelectMany(p => p.Json.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("jobId").GetString()!)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(polls.Select(p => (int)p.StatusCode), Has.All.EqualTo(200));
            Assert.That(handedOut, Has.Count.EqualTo(100));
            Assert.That(handedOut, Is.Unique);
            Assert.That(handedOut.ToHashSet().SetEquals(created), Is.True);
        });
    }

    [Test]
    public async Task Of_many_simultaneous_acknowledges_only_the_latest_nonce_wins()
    {
        var jobId = await DispatchJobAsync();

        var nonces = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => Client.GetNonceAsync(jobId, ActionType.ClientToken))));
        var acks = await Task.WhenAll(nonces.Select(nonce => Task.Run(() => Client.AcknowledgeAsync(jobId, nonce, ActionType.ClientToken))));

        var job = Emulator.GetJob(jobId);
        Assert.Multiple(() =>
        {
            Assert.That(nonces, Is.Unique);
            Assert.That(job.NonceIssuedCount, Is.EqualTo(40));
            Assert.That(acks.Count(a => a.ErrorCode is null), Is.EqualTo(1));
            Assert.That(acks.Count(a => a.ErrorCode == "InvalidNonceException"), Is.EqualTo(39));
            Assert.That(job.State, Is.EqualTo(EmulatedJobState.InProgress));
        });
    }
}
