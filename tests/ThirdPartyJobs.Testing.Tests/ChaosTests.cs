namespace ThirdPartyJobs.Testing.Tests;

public sealed class ChaosTests : EmulatorTest
{
    [Test]
    public async Task Certain_chaos_faults_every_call_with_the_given_kinds()
    {
        Emulator.Faults.EnableChaos(probability: 1, kinds: [FaultKind.Throttle]);

        var codes = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            codes.Add((await Client.PollAsync(ActionType)).ErrorCode);
        }

        Assert.That(codes, Has.All.EqualTo("ThrottlingException"));
    }

    [Test]
    public async Task Chaos_with_probability_zero_injects_nothing()
    {
        Emulator.Faults.EnableChaos(probability: 0);

        for (var i = 0; i < 5; i++)
        {
            await Client.PollAsync(ActionType);
        }

        Assert.That(Emulator.Requests.Select(r => r.Fault), Has.All.Null);
    }

    [Test]
    public async Task The_same_seed_gives_the_same_faults()
    {
        static void Enable(EmulatorFaults faults) => faults.EnableChaos(seed: 1234, probability: 0.5, kinds: [FaultKind.Throttle, FaultKind.ServerError]);

        var first = await RunChaosAsync(Emulator, Client, ActionType, Enable);
        await using var other = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { TimeProvider = Time });
        using var otherClient = new EmulatorClient(other);
        var second = await RunChaosAsync(other, otherClient, other.RegisterActionType("Build", "ThirdParty", "TestProvider", "1"), Enable);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first, Does.Contain("200"));
            Assert.That(first, Does.Contain("400 ThrottlingException"));
            Assert.That(first.Any(r => r.StartsWith("500", StringComparison.Ordinal) || r.StartsWith("503", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task Chaos_can_be_limited_to_some_operations()
    {
        Emulator.Faults.EnableChaos(probability: 1, kinds: [FaultKind.ServerError], operations: [CodePipelineOperation.AcknowledgeThirdPartyJob]);
        var jobId = Emulator.CreateJob(ActionType);

        var poll = await Client.PollAsync(ActionType);
        var details = await Client.GetDetailsAsync(jobId, ActionType.ClientToken);
        var ack = await Client.AcknowledgeAsync(jobId, "n", ActionType.ClientToken);

        Assert.Multiple(() =>
        {
            Assert.That((int)poll.StatusCode, Is.EqualTo(200));
            Assert.That((int)details.StatusCode, Is.EqualTo(200));
            Assert.That((int)ack.StatusCode, Is.AnyOf(500, 503));
        });
    }

    [Test]
    public async Task Scripted_faults_come_before_chaos_and_chaos_can_be_switched_off()
    {
        Emulator.Faults.EnableChaos(probability: 1, kinds: [FaultKind.ServerError]);
        Emulator.Faults.ThrottleNext(CodePipelineOperation.PollForThirdPartyJobs);

        var scripted = await Client.PollAsync(ActionType);
        var chaotic = await Client.PollAsync(ActionType);
        Emulator.Faults.EnableChaos(probability: 0);
        var calm = await Client.PollAsync(ActionType);

        Assert.Multiple(() =>
        {
            Assert.That(scripted.ErrorCode, Is.EqualTo("ThrottlingException"));
            Assert.That((int)chaotic.StatusCode, Is.AnyOf(500, 503));
            Assert.That((int)calm.StatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task Chaos_resets_abort_connections()
    {
        Emulator.Faults.EnableChaos(probability: 1, kinds: [FaultKind.Reset]);

        Assert.That(async () => await Client.PollAsync(ActionType), Throws.InstanceOf<HttpRequestException>());
        await Emulator.WaitForRequestAsync(r => r.Fault == FaultKind.Reset && r.StatusCode == 0, Within());
    }

    [Test]
    public void Chaos_options_are_checked()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Emulator.Faults.EnableChaos(probability: 1.5), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => Emulator.Faults.EnableChaos(kinds: [FaultKind.RawResponse]), Throws.ArgumentException);
            Assert.That(() => Emulator.Faults.EnableChaos(kinds: []), Throws.ArgumentException);
        });
    }

    private static async Task<List<string>> RunChaosAsync(CodePipelineEmulator emulator, EmulatorClient client, RegisteredActionType actionType, Action<EmulatorFaults> enableChaos)
    {
        enableChaos(emulator.Faults);
        var outcomes = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var response = await client.PollAsync(actionType);
            outcomes.Add(response.ErrorCode is null ? "200" : $"{(int)response.StatusCode} {response.ErrorCode}");
        }

        return outcomes;
    }
}
