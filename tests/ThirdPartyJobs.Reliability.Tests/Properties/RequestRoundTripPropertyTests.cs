using System.Text.Json;
using ThirdPartyJobs.Protocol;

namespace ThirdPartyJobs.Reliability.Tests.Properties;

/// <summary>
/// Property: any input inside the model's constraints is accepted by the client and reaches the
/// wire unchanged: the request body written by <c>RequestWriter</c>, parsed back with
/// <see cref="JsonDocument"/>, holds exactly the values passed in, and optional values that were
/// not given are absent. Seeded: <c>THIRDPARTYJOBS_PROPERTY_SEED</c>, <c>THIRDPARTYJOBS_PROPERTY_CASES</c>.
/// </summary>
[TestFixture]
public sealed class RequestRoundTripPropertyTests
{
    private const int DefaultSeed = 4242;
    private const int DefaultCases = 1_000;

    [Test]
    public async Task Every_valid_input_round_trips_through_the_wire_json()
    {
        var suite = SeededSuite.Resolve("THIRDPARTYJOBS_PROPERTY", DefaultSeed, DefaultCases);
        var transport = new RecordingTransport();
        using var client = transport.CreateClient();

        foreach (var @case in suite.Cases())
        {
            var generate = new InputGenerator(@case.Random);
            var where = @case.Where;

            var jobId = generate.Text(1, 512);
            var clientToken = generate.Text(1, 256);
            await client.GetJobDetailsAsync(jobId, clientToken);
            using (var body = Sent(transport, CodePipelineOperation.GetThirdPartyJobDetails, where))
            {
                ExpectMembers(body.RootElement, where, ("jobId", jobId), ("clientToken", clientToken));
            }

            var actionTypeId = generate.ActionTypeId();
            var maxBatchSize = generate.MaxBatchSize();
            await client.PollForJobsAsync(actionTypeId, maxBatchSize);
            using (var body = Sent(transport, CodePipelineOperation.PollForThirdPartyJobs, where))
            {
                var root = body.RootElement;
                ExpectMembers(root, where, ("actionTypeId", null), ("maxBatchSize", null));
                ExpectMembers(
                    root.GetProperty("actionTypeId"),
                    where,
                    ("category", actionTypeId.Category!.Value),
                    ("owner", actionTypeId.Owner!.Value),
                    ("provider", actionTypeId.Provider),
                    ("version", actionTypeId.Version));
                Assert.That(root.GetProperty("maxBatchSize").GetInt32(), Is.EqualTo(maxBatchSize), where);
            }

            var nonce = generate.Text(1, 50);
            await client.AcknowledgeJobAsync(jobId, nonce, clientToken);
            using (var body = Sent(transport, CodePipelineOperation.AcknowledgeThirdPartyJob, where))
            {
                ExpectMembers(body.RootElement, where, ("jobId", jobId), ("nonce", nonce), ("clientToken", clientToken));
            }

            var revision = generate.CurrentRevision();
            var continuationToken = generate.OptionalText(1, 2048);
            var execution = generate.ExecutionDetails();
            await client.PutJobSuccessResultAsync(jobId, clientToken, revision, continuationToken, execution);
            using (var body = Sent(transport, CodePipelineOperation.PutThirdPartyJobSuccessResult, where))
            {
                var root = body.RootElement;
                var expected = new List<(string, string?)> { ("jobId", jobId), ("clientToken", clientToken) };
                if (revision is not null)
                {
                    expected.Add(("currentRevision", null));
                }

                if (continuationToken is not null)
                {
                    expected.Add(("continuationToken", continuationToken));
                }

                if (execution is not null)
                {
                    expected.Add(("executionDetails", null));
                }

                ExpectMembers(root, where, [.. expected]);
                if (revision is not null)
                {
                    var sent = root.GetProperty("currentRevision");
                    var members = new List<(string, string?)> { ("revision", revision.Revision), ("changeIdentifier", revision.ChangeIdentifier) };
                    if (revision.Created is not null)
                    {
                        members.Add(("created", null));
                    }

                    if (revision.RevisionSummary is not null)
                    {
                        members.Add(("revisionSummary", revision.RevisionSummary));
                    }

                    ExpectMembers(sent, where, [.. members]);
                    if (revision.Created is { } created)
                    {
                        Assert.That(sent.GetProperty("created").GetDecimal(), Is.EqualTo(created.ToUnixTimeMilliseconds() / 1000m), $"{where}: currentRevision.created");
                    }
                }

                if (execution is not null)
                {
                    var sent = root.GetProperty("executionDetails");
                    var members = new List<(string, string?)>();
                    if (execution.Summary is not null)
                    {
                        members.Add(("summary", execution.Summary));
                    }

                    if (execution.ExternalExecutionId is not null)
                    {
                        members.Add(("externalExecutionId", execution.ExternalExecutionId));
                    }

                    if (execution.PercentComplete is not null)
                    {
                        members.Add(("percentComplete", null));
                    }

                    ExpectMembers(sent, where, [.. members]);
                    if (execution.PercentComplete is { } percent)
                    {
                        Assert.That(sent.GetProperty("percentComplete").GetInt32(), Is.EqualTo(percent), where);
                    }
                }
            }

            var failure = generate.FailureDetails();
            await client.PutJobFailureResultAsync(jobId, clientToken, failure);
            using (var body = Sent(transport, CodePipelineOperation.PutThirdPartyJobFailureResult, where))
            {
                ExpectMembers(body.RootElement, where, ("jobId", jobId), ("clientToken", clientToken), ("failureDetails", null));
                var members = new List<(string, string?)> { ("type", failure.Type.Value), ("message", failure.Message) };
                if (failure.ExternalExecutionId is not null)
                {
                    members.Add(("externalExecutionId", failure.ExternalExecutionId));
                }

                ExpectMembers(body.RootElement.GetProperty("failureDetails"), where, [.. members]);
            }
        }

        Assert.That(transport.Requests, Has.Count.EqualTo(suite.CaseCount * 5));
        TestContext.Out.WriteLine($"{suite.CaseCount:N0} cases x 5 operations round-tripped");
    }

    private static JsonDocument Sent(RecordingTransport transport, string operation, string where)
    {
        var request = transport.Requests[^1];
        Assert.That(request.Operation, Is.EqualTo(operation), where);
        return JsonDocument.Parse(request.Body);
    }

    /// <summary>The object has exactly these members; those with a value hold that string.</summary>
    private static void ExpectMembers(JsonElement element, string where, params (string Name, string? Value)[] expected)
    {
        var actual = element.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.That(actual, Is.EquivalentTo(expected.Select(e => e.Name)), $"{where}: members");
        foreach (var (name, value) in expected)
        {
            if (value is not null)
            {
                Assert.That(element.GetProperty(name).GetString(), Is.EqualTo(value), $"{where}: {name}");
            }
        }
    }
}
