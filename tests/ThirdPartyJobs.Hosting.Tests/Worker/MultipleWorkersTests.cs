using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class MultipleWorkersTests
{
    private static readonly ActionTypeId Build = new(ActionCategory.Build, ActionOwner.ThirdParty, "Builder", "1");
    private static readonly ActionTypeId Deploy = new(ActionCategory.Deploy, ActionOwner.ThirdParty, "Deployer", "2");

    [Test]
    public async Task Several_workers_in_one_host_poll_their_own_action_types_with_their_own_settings()
    {
        var time = new FakeTimeProvider();
        var client = new Mock<IThirdPartyJobClient>();
        var polled = new System.Collections.Concurrent.ConcurrentQueue<(ActionTypeId Type, int Max)>();
        client.Setup(c => c.PollForJobsAsync(It.IsAny<ActionTypeId>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Returns<ActionTypeId, int, CancellationToken>((type, max, _) =>
            {
                polled.Enqueue((type, max));
                return Task.FromResult<IReadOnlyList<ThirdPartyJob>>([]);
            });
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(client.Object);
        builder.Services.AddSingleton(new TestHandler());
        builder.Services.AddKeyedSingleton<IClientTokenProvider>("deploy", new Mock<IClientTokenProvider>().Object);
        builder.Services.AddThirdPartyJobWorker<TestHandler>("build", options =>
        {
            options.ActionTypeId = Build;
            options.MaxConcurrency = 3;
            options.ClientTokens["client-1"] = "token-1";
        });
        builder.Services.AddThirdPartyJobWorker<TestHandler>("deploy", options =>
        {
            options.ActionTypeId = Deploy;
            options.MaxConcurrency = 5;
        });
        using var host = builder.Build();
        using var buildMetrics = new WorkerMetricsView(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "build");

        await host.StartAsync();
        await Eventually.UntilAsync(() => polled.Count >= 2, "both workers poll");
        await host.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(polled, Does.Contain((Build, 3)));
            Assert.That(polled, Does.Contain((Deploy, 5)));
            Assert.That(buildMetrics.Polls, Is.GreaterThanOrEqualTo(1), "each worker's metrics carry its name");
        });
    }
}
