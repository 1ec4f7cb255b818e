using Moq;
using ThirdPartyJobs.Protocol;

namespace ThirdPartyJobs.Reliability.Tests.Properties;

/// <summary>
/// Property: any input outside the CodePipeline model's constraints (missing, empty, white space,
/// too long, a lone surrogate, a name outside <c>[0-9A-Za-z_-]</c>, a batch size below 1, a
/// percentage outside 0–100) is refused with an <see cref="ArgumentException"/> before anything
/// is sent: the mocked transport is never called, and the message quotes no value.
/// </summary>
[TestFixture]
public sealed class InvalidInputPropertyTests
{
    private const int DefaultSeed = 777;
    private const int DefaultCases = 3_000;

    [Test]
    public async Task Every_input_outside_the_model_is_refused_before_sending()
    {
        var suite = SeededSuite.Resolve("THIRDPARTYJOBS_PROPERTY", DefaultSeed, DefaultCases);
        var transport = new Mock<ICodePipelineTransport>(MockBehavior.Strict);
        transport.Setup(t => t.Dispose());
        using var client = new CodePipelineThirdPartyJobClient(transport.Object, options: null, loggerFactory: null);
        var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);

        foreach (var @case in suite.Cases())
        {
            var (what, call) = InvalidCall(new InputGenerator(@case.Random));
            var where = $"{@case.Where}: {what}";
            byKind[what[..what.IndexOf(':', StringComparison.Ordinal)]] = byKind.GetValueOrDefault(what[..what.IndexOf(':', StringComparison.Ordinal)]) + 1;

            Exception? thrown = null;
            try
            {
                await call(client);
            }
            catch (Exception error)
            {
                thrown = error;
            }

            Assert.That(thrown, Is.InstanceOf<ArgumentException>(), where);
            Assert.That(Canaries.FindIn(thrown!.Message), Is.Null, $"{where}: the message quotes the value");
        }

        // Strict mock: any SendAsync would have thrown MockException instead of ArgumentException; check anyway.
        transport.Verify(t => t.SendAsync(It.IsAny<TransportRequest>(), It.IsAny<CancellationToken>()), Times.Never);
        TestContext.Out.WriteLine($"{suite.CaseCount:N0} invalid calls refused before sending: " + string.Join(", ", byKind.Select(k => $"{k.Key} {k.Value}")));
    }

    private static (string What, Func<IThirdPartyJobClient, Task> Call) InvalidCall(InputGenerator g)
    {
        var r = g.Random;
        string jobId = g.Text(1, 512), clientToken = g.Text(1, 256), nonce = g.Text(1, 50);
        switch (r.Next(5))
        {
            case 0:
                return BadJobIdOrClientToken(g, "GetJobDetails", jobId, clientToken, (c, j, t) => c.GetJobDetailsAsync(j, t));

            case 1:
                var type = g.ActionTypeId();
                switch (r.Next(6))
                {
                    case 0:
                        return ("PollForJobs.actionTypeId null:", c => c.PollForJobsAsync(null!, 1));
                    case 1:
                        return ("PollForJobs.actionTypeId.Category null:", c => c.PollForJobsAsync(new ActionTypeId(null!, type.Owner!, type.Provider!, type.Version!), 1));
                    case 2:
                        return ("PollForJobs.actionTypeId.Owner null:", c => c.PollForJobsAsync(new ActionTypeId(type.Category!, null!, type.Provider!, type.Version!), 1));
                    case 3:
                        var (pk, provider) = BadName(g, 35);
                        return ($"PollForJobs.Provider {pk}:", c => c.PollForJobsAsync(new ActionTypeId(type.Category!, type.Owner!, provider!, type.Version!), 1));
                    case 4:
                        var (vk, version) = BadName(g, 9);
                        return ($"PollForJobs.Version {vk}:", c => c.PollForJobsAsync(new ActionTypeId(type.Category!, type.Owner!, type.Provider!, version!), 1));
                    default:
                        var size = r.Next(3) switch { 0 => 0, 1 => int.MinValue, _ => -r.Next(1, int.MaxValue) };
                        return ("PollForJobs.maxBatchSize below 1:", c => c.PollForJobsAsync(type, size));
                }

            case 2:
                switch (r.Next(3))
                {
                    case 0:
                    case 1:
                        return BadJobIdOrClientToken(g, "AcknowledgeJob", jobId, clientToken, (c, j, t) => c.AcknowledgeJobAsync(j, nonce, t));
                    default:
                        var (nk, badNonce) = BadRequired(g, 1, 50);
                        return ($"AcknowledgeJob.nonce {nk}:", c => c.AcknowledgeJobAsync(jobId, badNonce!, clientToken));
                }

            case 3:
                var revision = new CurrentRevision(g.Text(1, 1500), g.Text(1, 100));
                switch (r.Next(9))
                {
                    case 0:
                    case 1:
                        return BadJobIdOrClientToken(g, "PutJobSuccessResult", jobId, clientToken, (c, j, t) => c.PutJobSuccessResultAsync(j, t));
                    case 2:
                        var (rk, badRevision) = BadRequired(g, 1, 1500);
                        return ($"PutJobSuccessResult.currentRevision.Revision {rk}:", c => c.PutJobSuccessResultAsync(jobId, clientToken, new CurrentRevision(badRevision!, revision.ChangeIdentifier, revision.Created, revision.RevisionSummary)));
                    case 3:
                        var (ik, badChange) = BadRequired(g, 1, 100);
                        return ($"PutJobSuccessResult.currentRevision.ChangeIdentifier {ik}:", c => c.PutJobSuccessResultAsync(jobId, clientToken, new CurrentRevision(revision.Revision, badChange!, revision.Created, revision.RevisionSummary)));
                    case 4:
                        var (sk, badSummary) = BadOptional(g, 1, 2048);
                        return ($"PutJobSuccessResult.currentRevision.RevisionSummary {sk}:", c => c.PutJobSuccessResultAsync(jobId, clientToken, new CurrentRevision(revision.Revision, revision.ChangeIdentifier, revision.Created, badSummary)));
                    case 5:
                        var (tk, badContinuation) = BadOptional(g, 1, 2048);
                        return ($"PutJobSuccessResult.continuationToken {tk}:", c => c.PutJobSuccessResultAsync(jobId, clientToken, continuationToken: badContinuation));
                    case 6:
                        var (ek, badExecutionSummary) = BadOptional(g, 1, 2048);
                        return ($"PutJobSuccessResult.executionDetails.Summary {ek}:", c => c.PutJobSuccessResultAsync(jobId, clientToken, executionDetails: new ExecutionDetails(Summary: badExecutionSummary)));
                    case 7:
                        var (xk, badExternal) = BadOptional(g, 1, 1500);
                        return ($"PutJobSuccessResult.executionDetails.ExternalExecutionId {xk}:", c => c.PutJobSuccessResultAsync(jobId, clientToken, executionDetails: new ExecutionDetails(ExternalExecutionId: badExternal)));
                    default:
                        var percent = r.Next(2) == 0 ? -r.Next(1, int.MaxValue) : r.Next(101, int.MaxValue);
                        return ("PutJobSuccessResult.executionDetails.PercentComplete outside 0-100:", c => c.PutJobSuccessResultAsync(jobId, clientToken, executionDetails: new ExecutionDetails(PercentComplete: percent)));
                }

            default:
                var failure = g.FailureDetails();
                switch (r.Next(6))
                {
                    case 0:
                    case 1:
                        return BadJobIdOrClientToken(g, "PutJobFailureResult", jobId, clientToken, (c, j, t) => c.PutJobFailureResultAsync(j, t, failure));
                    case 2:
                        return ("PutJobFailureResult.failureDetails null:", c => c.PutJobFailureResultAsync(jobId, clientToken, null!));
                    case 3:
                        return ("PutJobFailureResult.failureDetails.Type null:", c => c.PutJobFailureResultAsync(jobId, clientToken, new FailureDetails(null!, failure.Message, failure.ExternalExecutionId)));
                    case 4:
                        var (mk, badMessage) = BadRequired(g, 1, 5000);
                        return ($"PutJobFailureResult.failureDetails.Message {mk}:", c => c.PutJobFailureResultAsync(jobId, clientToken, new FailureDetails(failure.Type, badMessage!, failure.ExternalExecutionId)));
                    default:
                        var (xk, badExternal) = BadOptional(g, 1, 1500);
                        return ($"PutJobFailureResult.failureDetails.ExternalExecutionId {xk}:", c => c.PutJobFailureResultAsync(jobId, clientToken, new FailureDetails(failure.Type, failure.Message, badExternal)));
                }
        }
    }

    /// <summary>The job id (1–512) or the client token (1–256), the two parameters every job operation takes, made invalid: the other valid.</summary>
    private static (string What, Func<IThirdPartyJobClient, Task> Call) BadJobIdOrClientToken(
        InputGenerator g, string operation, string jobId, string clientToken, Func<IThirdPartyJobClient, string, string, Task> call)
    {
        if (g.Random.Next(2) == 0)
        {
            var (kind, bad) = BadRequired(g, 1, 512);
            return ($"{operation}.jobId {kind}:", c => call(c, bad!, clientToken));
        }

        var (tokenKind, badToken) = BadRequired(g, 1, 256);
        return ($"{operation}.clientToken {tokenKind}:", c => call(c, jobId, badToken!));
    }

    /// <summary>A value a required text parameter must refuse.</summary>
    private static (string Kind, string? Value) BadRequired(InputGenerator g, int minLength, int maxLength) =>
        g.Random.Next(5) == 0 ? ("null", null) : BadOptional(g, minLength, maxLength);

    /// <summary>A non-null value an optional text parameter must refuse.</summary>
    private static (string Kind, string? Value) BadOptional(InputGenerator g, int minLength, int maxLength)
    {
        var r = g.Random;
        return r.Next(4) switch
        {
            0 => ("empty", ""),
            1 => ("white space", new string(" \t\n\r\u00a0\u2003"[r.Next(6)], r.Next(1, Math.Min(maxLength, 40) + 1))),
            2 => ("too long", TooLong(maxLength + 1 + r.Next(200))),
            _ => ("lone surrogate", WithLoneSurrogate(g.Text(Math.Max(minLength, 2), maxLength), r)),
        };
    }

    private static (string Kind, string? Value) BadName(InputGenerator g, int maxLength)
    {
        var r = g.Random;
        switch (r.Next(4))
        {
            case 0:
                return ("null", null);
            case 1:
                return ("too long", new string('v', maxLength + 1 + r.Next(20)));
            case 2:
                return ("empty", "");
            default:
                var name = g.Name(maxLength);
                var at = r.Next(name.Length);
                return ("outside [0-9A-Za-z_-]", name[..at] + " .é/:*+@"[r.Next(8)] + name[(at + 1)..]);
        }
    }

    // Too long, and made of a secret, so that a message quoting it would be caught.
    private static string TooLong(int length) =>
        string.Concat(Enumerable.Repeat(Canaries.ClientToken, (length / Canaries.ClientToken.Length) + 1))[..length];

    private static string WithLoneSurrogate(string text, Random r)
    {
        var at = r.Next(text.Length);
        if (char.IsSurrogate(text[at]))
        {
            at = 0;
        }

        return text[..at] + (r.Next(2) == 0 ? '\ud800' : '\udc00') + text[(at + 1)..];
    }
}
