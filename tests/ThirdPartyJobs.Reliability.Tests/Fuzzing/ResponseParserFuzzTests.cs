using System.Diagnostics;
using System.Text;
using ThirdPartyJobs.Protocol;
using ThirdPartyJobs.Protocol.Json;

namespace ThirdPartyJobs.Reliability.Tests.Fuzzing;

/// <summary>
/// Feeds mutated, truncated and type-swapped variants of valid responses to all three response
/// parsers. Every outcome must be a parsed result or a <see cref="MalformedResponseException"/>
/// whose message and <c>ToString()</c> hold none of the secrets in the input. Seeded: set
/// <c>THIRDPARTYJOBS_FUZZ_SEED</c> to replay, <c>THIRDPARTYJOBS_FUZZ_CASES</c> to run more.
/// </summary>
[TestFixture]
public sealed class ResponseParserFuzzTests
{
    private const int DefaultSeed = 20261128;
    private const int DefaultCases = 100_000;

    private static readonly (string Name, Func<byte[], object> Parse)[] Parsers =
    [
        ("ParseJobDetails", body => ResponseParser.ParseJobDetails(body, new ParseContext(CodePipelineOperation.GetThirdPartyJobDetails, SampleResponses.JobId, "req-1")) ?? new object()),
        ("ParseJobs", body => ResponseParser.ParseJobs(body, new ParseContext(CodePipelineOperation.PollForThirdPartyJobs, null, "req-2"))),
        ("ParseAcknowledgeStatus", body => (object?)ResponseParser.ParseAcknowledgeStatus(body, new ParseContext(CodePipelineOperation.AcknowledgeThirdPartyJob, SampleResponses.JobId, "req-3")) ?? new object()),
    ];

    private static readonly (int Parser, byte[] Body)[] Corpus =
    [
        (0, Utf8(SampleResponses.JobDetails())),
        (0, Utf8(SampleResponses.JobDetails(extraConfigurationEntries: 40, continuationToken: null, withUnknownMembers: true))),
        (0, Utf8(SampleResponses.MinimalJobDetailsWithSecrets())),
        (1, Utf8(SampleResponses.PollJobs(0))),
        (1, Utf8(SampleResponses.PollJobs(1))),
        (1, Utf8(SampleResponses.PollJobs(5))),
        (2, Utf8(SampleResponses.Acknowledge())),
        (2, Utf8(SampleResponses.Acknowledge("SomeFutureStatus"))),
    ];

    [Test]
    public void The_unmutated_corpus_parses()
    {
        foreach (var (parser, body) in Corpus)
        {
            Assert.That(Parsers[parser].Parse(body), Is.Not.Null, Parsers[parser].Name);
        }
    }

    [Test]
    public void Every_mutated_response_parses_or_is_reported_as_malformed_without_secrets()
    {
        var suite = SeededSuite.Resolve("THIRDPARTYJOBS_FUZZ", DefaultSeed, DefaultCases);
        var parsed = 0L;
        var malformed = 0L;
        var failures = new List<string>();
        var failureCount = 0;
        var clock = Stopwatch.StartNew();
        var mutating = TimeSpan.Zero;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;

        foreach (var @case in suite.Cases())
        {
            var random = @case.Random;
            var (origin, valid) = Corpus[random.Next(Corpus.Length)];
            var mutateStarted = Stopwatch.GetTimestamp();
            var (body, description) = new ResponseMutator(random).Mutate(valid);
            mutating += Stopwatch.GetElapsedTime(mutateStarted);

            // Each variant goes to the parser it was made for; one in four also to another, chosen at random.
            var other = (origin + 1 + random.Next(Parsers.Length - 1)) % Parsers.Length;
            foreach (var parser in random.Next(4) == 0 ? new[] { origin, other } : [origin])
            {
                var (name, parse) = Parsers[parser];
                string? problem = null;
                try
                {
                    parse(body);
                    parsed++;
                }
                catch (MalformedResponseException error)
                {
                    malformed++;
                    // Every message in the chain; the full ToString() (stack traces, slow to render) for a sample.
                    if ((FindInMessages(error) ?? (@case.Index % 64 == 0 ? Canaries.FindIn(error.ToString()) : null)) is { } secret)
                    {
                        problem = $"the {secret} appears in the exception message";
                    }
                }
                catch (Exception error)
                {
                    problem = $"threw {error.GetType().FullName}: {error.Message}\n{error.StackTrace}";
                }

                if (problem is not null && ++failureCount <= 10)
                {
                    failures.Add($"{@case.Where}, {name} on [{description}] ({body.Length} bytes): {problem}");
                }
            }
        }

        TestContext.Out.WriteLine($"{suite.CaseCount:N0} variants, {parsed + malformed:N0} parser calls: {parsed:N0} parsed, {malformed:N0} MalformedResponseException, {failureCount} failures in {clock.Elapsed.TotalSeconds:0.0} s ({(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.0} s CPU, {mutating.TotalSeconds:0.0} s of it mutating)");
        Assert.That(failures, Is.Empty, $"{failureCount} failure(s); the first ones:\n" + string.Join("\n\n", failures));
        if (suite.Only is null)
        {
            Assert.That(parsed, Is.GreaterThan(0), "no variant parsed: the mutations are too coarse to reach the parsers' inner paths");
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string? FindInMessages(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (Canaries.FindIn(error.Message) is { } secret)
            {
                return secret;
            }
        }

        return null;
    }
}
