using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ThirdPartyJobs.Validation;

namespace ThirdPartyJobs.Tests.Validation;

/// <summary>
/// A configuration mistake is one clear message naming the key and its valid range, whether the
/// client is built in code (ArgumentException) or the host starts (OptionsValidationException).
/// </summary>
[TestFixture]
public sealed class OptionsRangeMessageTests
{
    private static IEnumerable<TestCaseData> Mistakes()
    {
        yield return new TestCaseData("MaxAttempts", "0", "ThirdPartyJobs:Retry:MaxAttempts must be between 1 and 20.").SetName("{m}(MaxAttempts 0)");
        yield return new TestCaseData("MaxAttempts", "21", "ThirdPartyJobs:Retry:MaxAttempts must be between 1 and 20.").SetName("{m}(MaxAttempts 21)");
        yield return new TestCaseData("BaseDelay", "00:02:00", "ThirdPartyJobs:Retry:BaseDelay must be between 00:00:00 and 00:01:00.").SetName("{m}(BaseDelay 2 min)");
        yield return new TestCaseData("MaxDelay", "00:06:00", "ThirdPartyJobs:Retry:MaxDelay must be between 00:00:00 and 00:05:00.").SetName("{m}(MaxDelay 6 min)");
        yield return new TestCaseData("AttemptTimeout", "00:00:00", "ThirdPartyJobs:Retry:AttemptTimeout must be between 00:00:00.0100000 and 01:00:00.").SetName("{m}(AttemptTimeout 0)");
        yield return new TestCaseData("AttemptTimeout", "00:11:00", "ThirdPartyJobs:Retry:AttemptTimeout must be between 00:00:00.0100000 and 00:10:00 for CodePipeline calls; it is 00:11:00.").SetName("{m}(AttemptTimeout 11 min)");
        yield return new TestCaseData("OverallTimeout", "02:00:00", "ThirdPartyJobs:Retry:OverallTimeout must be between 00:00:00.0100000 and 01:00:00.").SetName("{m}(OverallTimeout 2 h)");
    }

    [TestCaseSource(nameof(Mistakes))]
    public void Host_start_fails_with_one_message_naming_the_key_and_range(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["ThirdPartyJobs:Retry:" + key] = value };
        if (key == "AttemptTimeout")
        {
            settings["ThirdPartyJobs:Retry:OverallTimeout"] = "01:00:00";
        }

        if (key == "BaseDelay")
        {
            settings["ThirdPartyJobs:Retry:MaxDelay"] = "00:05:00";
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddThirdPartyJobs(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var host = builder.Build();

        var error = Assert.CatchAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(error!.Failures, Is.EqualTo(new[] { expected }));
        Assert.That(error.Message, Does.Contain(expected));
    }

    [TestCaseSource(nameof(Mistakes))]
    public void The_validator_reports_exactly_that_message(string key, string value, string expected)
    {
        var options = new ThirdPartyJobsOptions();
        typeof(ThirdPartyJobsRetryOptions).GetProperty(key)!.SetValue(
            options.Retry,
            key == "MaxAttempts" ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        if (key == "AttemptTimeout")
        {
            options.Retry.OverallTimeout = TimeSpan.FromHours(1);
        }

        if (key == "BaseDelay")
        {
            options.Retry.MaxDelay = TimeSpan.FromMinutes(5);
        }

        Assert.That(ThirdPartyJobsOptionsValidator.GetFailures(options), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void The_options_carry_no_clock()
    {
        Assert.That(typeof(ThirdPartyJobsOptions).GetProperties().Select(p => p.PropertyType), Has.None.AssignableTo<TimeProvider>(), "the clock is a constructor argument, never an option");
    }
}
