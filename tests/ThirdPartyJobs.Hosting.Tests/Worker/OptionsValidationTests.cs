using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ThirdPartyJobs.Hosting.Tests.Worker;

public sealed class OptionsValidationTests
{
    private static IEnumerable<TestCaseData> BadSettings()
    {
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.ActionTypeId = null), "ActionTypeId is required").SetName("ActionTypeId missing");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "bad provider!", "1")), "ActionTypeId.Provider must be 1–35 characters").SetName("Provider malformed");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.ThirdParty, "P", "1234567890")), "ActionTypeId.Version must be 1–9 characters").SetName("Version too long");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.MaxConcurrency = 0), "MaxConcurrency must be between 1 and 1000").SetName("MaxConcurrency zero");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.MinPollInterval = TimeSpan.Zero), "MinPollInterval must be between").SetName("MinPollInterval zero");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => { o.MinPollInterval = TimeSpan.FromSeconds(10); o.MaxPollInterval = TimeSpan.FromSeconds(5); }), "MaxPollInterval (00:00:05) must not be shorter than MinPollInterval (00:00:10)").SetName("Max poll below min");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.JobTimeout = TimeSpan.FromSeconds(30)), "JobTimeout must be between 00:01:00 and 12:00:00").SetName("JobTimeout below CodePipeline's minimum");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.JobTimeout = TimeSpan.FromHours(13)), "JobTimeout must be between 00:01:00 and 12:00:00").SetName("JobTimeout above CodePipeline's maximum");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => { o.JobTimeout = TimeSpan.FromMinutes(1); o.TimeoutSafetyMargin = TimeSpan.FromMinutes(1); }), "TimeoutSafetyMargin (00:01:00) must be shorter than JobTimeout (00:01:00)").SetName("Margin eats the timeout");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.ShutdownGracePeriod = TimeSpan.FromHours(2)), "ShutdownGracePeriod must be between").SetName("Grace period too long");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.CredentialsRefreshAge = TimeSpan.Zero), "CredentialsRefreshAge must be between").SetName("Refresh age zero");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.MaxReportAttempts = 0), "MaxReportAttempts must be between 1 and 20").SetName("No report attempts");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.ClientTokens["client-2"] = " "), "ClientTokens['client-2'] must be 1–256 characters long").SetName("Blank client token");
        yield return new TestCaseData((Action<ThirdPartyJobWorkerOptions>)(o => o.QueryParam["Project"] = "alpha"), "QueryParam is for custom actions only").SetName("QueryParam on a third-party action");
        yield return new TestCaseData(Custom(o => { o.QueryParam["Project"] = "alpha"; o.QueryParam["Stage"] = "beta"; }), "QueryParam may hold at most 1 entry").SetName("QueryParam with two entries");
        yield return new TestCaseData(Custom(o => o.QueryParam[new string('k', 51)] = "alpha"), "QueryParam key must be 1–50 characters").SetName("QueryParam key too long");
        yield return new TestCaseData(Custom(o => o.QueryParam["Project"] = new string('v', 51)), "QueryParam['Project'] must be 1–50 characters of [a-zA-Z0-9_-]+").SetName("QueryParam value too long");
        yield return new TestCaseData(Custom(o => o.QueryParam["Project"] = "alpha beta"), "QueryParam['Project'] must be 1–50 characters of [a-zA-Z0-9_-]+").SetName("QueryParam value outside the pattern");
    }

    [Test]
    public void A_custom_action_may_poll_with_one_query_param_at_the_model_limits()
    {
        var options = new ThirdPartyJobWorkerOptions { ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.Custom, "MyBuilder", "1") };
        options.QueryParam[new string('k', 50)] = new string('v', 49) + "_";

        Assert.That(Hosting.Validation.ThirdPartyJobWorkerOptionsValidator.GetFailures(options), Is.Empty);
    }

    [TestCaseSource(nameof(BadSettings))]
    public void Bad_settings_fail_the_host_start_with_a_clear_message(Action<ThirdPartyJobWorkerOptions> breakIt, string expected)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(new FakeCodePipeline(new Microsoft.Extensions.Time.Testing.FakeTimeProvider()).Mock.Object);
        builder.Services.AddThirdPartyJobWorker<TestHandler>("deploys", options =>
        {
            WorkerHarness.ApplyDefaults(options);
            options.ClientTokens["client-secret"] = Canary.ClientToken;
            breakIt(options);
        });
        builder.Services.AddSingleton<TestHandler>();
        using var host = builder.Build();

        var error = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Job worker 'deploys': ").And.Contain(expected));
            Assert.That(error.Message, Does.Not.Contain(Canary.ClientToken));
        });
    }

    private static Action<ThirdPartyJobWorkerOptions> Custom(Action<ThirdPartyJobWorkerOptions> then) => options =>
    {
        options.ActionTypeId = new ActionTypeId(ActionCategory.Build, ActionOwner.Custom, "MyBuilder", "1");
        then(options);
    };

    [Test]
    public void The_defaults_are_valid_and_documented_values()
    {
        var options = new ThirdPartyJobWorkerOptions { ActionTypeId = WorkerHarness.ActionType };

        Assert.Multiple(() =>
        {
            Assert.That(Hosting.Validation.ThirdPartyJobWorkerOptionsValidator.GetFailures(options), Is.Empty);
            Assert.That(options.MaxConcurrency, Is.EqualTo(8));
            Assert.That(options.JobTimeout, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(options.MinPollInterval, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(options.MaxPollInterval, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(options.IncludeExceptionMessageInFailureReport, Is.False);
            Assert.That(options.LogHandlerExceptionMessages, Is.False);
        });
    }

    [Test]
    public void A_worker_without_any_client_tokens_fails_at_start()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new FakeCodePipeline(new Microsoft.Extensions.Time.Testing.FakeTimeProvider()).Mock.Object);
        services.AddThirdPartyJobWorker<TestHandler>(options => options.ActionTypeId = WorkerHarness.ActionType);
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetServices<IHostedService>().Single().StartAsync(CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo("Job worker 'TestHandler' has no client tokens: set ThirdPartyJobWorkerOptions.ClientTokens, or register an IClientTokenProvider (keyed by \"TestHandler\" for this worker only). Custom actions (ActionTypeId.Owner Custom) need none."));
    }

    [Test]
    public void Two_workers_cannot_share_a_name()
    {
        var services = new ServiceCollection();
        services.AddThirdPartyJobWorker<TestHandler>(options => options.ActionTypeId = WorkerHarness.ActionType);

        var error = Assert.Throws<ArgumentException>(() => services.AddThirdPartyJobWorker<TestHandler>(options => options.ActionTypeId = WorkerHarness.ActionType));

        Assert.That(error!.Message, Does.StartWith("A job worker named 'TestHandler' is registered already (handler TestHandler); give each worker its own name."));
    }

    [Test]
    public void Options_bind_from_configuration()
    {
        var options = WorkerHarness.BindOptions("deploy", "Workers:Deploy", new Dictionary<string, string?>
        {
            ["Workers:Deploy:MaxConcurrency"] = "3",
            ["Workers:Deploy:JobTimeout"] = "00:20:00",
            ["Workers:Deploy:ShutdownGracePeriod"] = "00:00:05",
            ["Workers:Deploy:ClientTokens:client-a"] = "token-a",
            ["Workers:Deploy:ClientTokens:client-b"] = "token-b",
        });

        Assert.Multiple(() =>
        {
            Assert.That(options.MaxConcurrency, Is.EqualTo(3));
            Assert.That(options.JobTimeout, Is.EqualTo(TimeSpan.FromMinutes(20)));
            Assert.That(options.ShutdownGracePeriod, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(options.ClientTokens.Keys, Is.EquivalentTo(new[] { "client-a", "client-b" }));
            Assert.That(options.ClientTokens["client-a"], Is.EqualTo("token-a"));
            Assert.That(options.ClientTokens["client-b"], Is.EqualTo("token-b"));
            Assert.That(options.ActionTypeId, Is.EqualTo(WorkerHarness.ActionType));
        });
    }
}
