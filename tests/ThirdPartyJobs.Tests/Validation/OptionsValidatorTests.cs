using ThirdPartyJobs.Validation;

namespace ThirdPartyJobs.Tests.Validation;

/// <summary>Options validation: each message names the configuration key that is wrong.</summary>
[TestFixture]
public sealed class OptionsValidatorTests
{
    private static ThirdPartyJobsOptions With(Action<ThirdPartyJobsRetryOptions> change)
    {
        var options = new ThirdPartyJobsOptions();
        change(options.Retry);
        return options;
    }

    [Test]
    public void The_defaults_are_valid()
    {
        var options = new ThirdPartyJobsOptions();

        Assert.That(new ThirdPartyJobsOptionsValidator().Validate(null, options).Succeeded, Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(options.Retry.MaxAttempts, Is.EqualTo(5));
            Assert.That(options.Retry.BaseDelay, Is.EqualTo(TimeSpan.FromMilliseconds(200)));
            Assert.That(options.Retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(options.Retry.UseJitter, Is.True);
            Assert.That(options.Retry.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(options.Retry.OverallTimeout, Is.EqualTo(TimeSpan.FromSeconds(90)));
        });
    }

    private static IEnumerable<TestCaseData> InvalidOptions()
    {
        static TestCaseData Case(string name, string key, Action<ThirdPartyJobsRetryOptions> change) => new TestCaseData(With(change), key).SetName($"{{m}}({name})");
        yield return Case("MaxAttempts 0", "ThirdPartyJobs:Retry:MaxAttempts", r => r.MaxAttempts = 0);
        yield return Case("MaxAttempts -1", "ThirdPartyJobs:Retry:MaxAttempts", r => r.MaxAttempts = -1);
        yield return Case("MaxAttempts 21", "ThirdPartyJobs:Retry:MaxAttempts", r => r.MaxAttempts = 21);
        yield return Case("BaseDelay negative", "ThirdPartyJobs:Retry:BaseDelay", r => r.BaseDelay = TimeSpan.FromMilliseconds(-1));
        yield return Case("BaseDelay over a minute", "ThirdPartyJobs:Retry:BaseDelay", r => { r.BaseDelay = TimeSpan.FromSeconds(61); r.MaxDelay = TimeSpan.FromMinutes(2); });
        yield return Case("MaxDelay negative", "ThirdPartyJobs:Retry:MaxDelay", r => { r.BaseDelay = TimeSpan.Zero; r.MaxDelay = TimeSpan.FromSeconds(-1); });
        yield return Case("MaxDelay over 5 minutes", "ThirdPartyJobs:Retry:MaxDelay", r => r.MaxDelay = TimeSpan.FromMinutes(5.5));
        yield return Case("MaxDelay below BaseDelay", "ThirdPartyJobs:Retry:MaxDelay", r => { r.BaseDelay = TimeSpan.FromSeconds(2); r.MaxDelay = TimeSpan.FromSeconds(1); });
        yield return Case("AttemptTimeout 9 ms", "ThirdPartyJobs:Retry:AttemptTimeout", r => r.AttemptTimeout = TimeSpan.FromMilliseconds(9));
        yield return Case("AttemptTimeout zero", "ThirdPartyJobs:Retry:AttemptTimeout", r => r.AttemptTimeout = TimeSpan.Zero);
        yield return Case("AttemptTimeout over 10 minutes", "ThirdPartyJobs:Retry:AttemptTimeout", r => { r.AttemptTimeout = TimeSpan.FromMinutes(11); r.OverallTimeout = TimeSpan.FromMinutes(30); });
        yield return Case("OverallTimeout 9 ms", "ThirdPartyJobs:Retry:OverallTimeout", r => { r.AttemptTimeout = TimeSpan.FromMilliseconds(10); r.OverallTimeout = TimeSpan.FromMilliseconds(9); });
        yield return Case("OverallTimeout over an hour", "ThirdPartyJobs:Retry:OverallTimeout", r => r.OverallTimeout = TimeSpan.FromMinutes(61));
        yield return Case("OverallTimeout below AttemptTimeout", "ThirdPartyJobs:Retry:OverallTimeout", r => { r.AttemptTimeout = TimeSpan.FromSeconds(30); r.OverallTimeout = TimeSpan.FromSeconds(29); });
    }

    [TestCaseSource(nameof(InvalidOptions))]
    public void Validate_fails_naming_the_key(ThirdPartyJobsOptions options, string key)
    {
        var result = new ThirdPartyJobsOptionsValidator().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(key));
    }

    [TestCaseSource(nameof(InvalidOptions))]
    public void The_client_constructor_throws_an_ArgumentException_naming_the_key(ThirdPartyJobsOptions options, string key)
    {
        var transport = new Moq.Mock<ThirdPartyJobs.Protocol.ICodePipelineTransport>(Moq.MockBehavior.Strict);

        var error = Assert.Throws<ArgumentException>(() => _ = new CodePipelineThirdPartyJobClient(transport.Object, options, null));

        Assert.That(error!.Message, Does.Contain(key));
        Assert.That(error.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var options = With(r =>
        {
            r.MaxAttempts = 0;
            r.AttemptTimeout = TimeSpan.Zero;
            r.BaseDelay = TimeSpan.FromSeconds(5);
            r.MaxDelay = TimeSpan.FromSeconds(1);
        });

        var failures = ThirdPartyJobsOptionsValidator.GetFailures(options);

        Assert.That(failures, Has.Some.Contains("ThirdPartyJobs:Retry:MaxAttempts"));
        Assert.That(failures, Has.Some.Contains("ThirdPartyJobs:Retry:AttemptTimeout"));
        Assert.That(failures, Has.Some.Contains("ThirdPartyJobs:Retry:MaxDelay"));
    }

    private static IEnumerable<TestCaseData> ExtremeValidOptions()
    {
        yield return new TestCaseData(With(r => { r.MaxAttempts = 1; })).SetName("{m}(one attempt)");
        yield return new TestCaseData(With(r => { r.MaxAttempts = 20; })).SetName("{m}(twenty attempts)");
        yield return new TestCaseData(With(r => { r.BaseDelay = TimeSpan.Zero; r.MaxDelay = TimeSpan.Zero; })).SetName("{m}(no delay)");
        yield return new TestCaseData(With(r => { r.BaseDelay = TimeSpan.FromMinutes(1); r.MaxDelay = TimeSpan.FromMinutes(5); })).SetName("{m}(longest delays)");
        yield return new TestCaseData(With(r => { r.AttemptTimeout = TimeSpan.FromMilliseconds(10); r.OverallTimeout = TimeSpan.FromMilliseconds(10); })).SetName("{m}(shortest timeouts)");
        yield return new TestCaseData(With(r => { r.AttemptTimeout = TimeSpan.FromMinutes(10); r.OverallTimeout = TimeSpan.FromHours(1); })).SetName("{m}(longest timeouts)");
        yield return new TestCaseData(With(r => { r.UseJitter = false; })).SetName("{m}(no jitter)");
    }

    [TestCaseSource(nameof(ExtremeValidOptions))]
    public void Values_at_the_limits_are_valid_and_build_a_client(ThirdPartyJobsOptions options)
    {
        Assert.That(ThirdPartyJobsOptionsValidator.GetFailures(options), Is.Empty);

        var transport = new Moq.Mock<ThirdPartyJobs.Protocol.ICodePipelineTransport>();
        Assert.DoesNotThrow(() => new CodePipelineThirdPartyJobClient(transport.Object, options, null).Dispose(), "Polly accepts everything the validator accepts");
    }
}
