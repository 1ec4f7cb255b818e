namespace ThirdPartyJobs.Hosting.Tests.Worker;

/// <summary>Output variables on <see cref="JobOutcome.Succeeded"/>: checked when the outcome is created.</summary>
public sealed class OutputVariablesOutcomeTests
{
    [Test]
    public void Valid_variables_are_kept_as_a_copy_and_not_printed()
    {
        var variables = new Dictionary<string, string> { ["Image-Tag@eu_1"] = "secret-looking-value" };

        var outcome = JobOutcome.Succeeded(outputVariables: variables);
        variables["Later"] = "x";

        Assert.Multiple(() =>
        {
            Assert.That(outcome.OutputVariables, Is.EquivalentTo(new Dictionary<string, string> { ["Image-Tag@eu_1"] = "secret-looking-value" }));
            Assert.That(outcome.ToString(), Is.EqualTo("JobOutcome { Kind = Succeeded, OutputVariables = 1 }"));
        });
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("dollar$")]
    public void A_key_outside_the_model_pattern_is_refused(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => JobOutcome.Succeeded(outputVariables: new Dictionary<string, string> { [key] = "v" }));
        Assert.That(error!.ParamName, Is.EqualTo("outputVariables"));
    }

    [Test]
    public void Continue_later_carries_no_variables()
    {
        Assert.That(JobOutcome.ContinueLater("step").OutputVariables, Is.Null);
    }
}
