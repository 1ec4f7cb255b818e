namespace ThirdPartyJobs.Tests.Models;

[TestFixture]
public sealed class ActionConfigurationTests
{
    private static ActionConfiguration Sample() => new(new Dictionary<string, string> { ["Project"] = "storefront", ["ApiKey"] = Canaries.ConfigValue });

    [Test]
    public void Values_are_read_explicitly()
    {
        var configuration = Sample();

        Assert.That(configuration.GetSecretValue("ApiKey"), Is.EqualTo(Canaries.ConfigValue));
        Assert.That(configuration.TryGetSecretValue("Project", out var project), Is.True);
        Assert.That(project, Is.EqualTo("storefront"));
        Assert.That(configuration.TryGetSecretValue("Missing", out var missing), Is.False);
        Assert.That(missing, Is.Null);
        Assert.That(configuration.Keys.Contains("ApiKey"), Is.True);
        Assert.That(configuration.Keys.Contains("apikey"), Is.False, "keys are case-sensitive");
        Assert.That(configuration.Keys.Count, Is.EqualTo(2));
        Assert.That(configuration.Keys, Is.EquivalentTo(new[] { "Project", "ApiKey" }));
    }

    [Test]
    public void ToString_lists_sorted_keys_and_hides_values()
    {
        Assert.That(Sample().ToString(), Is.EqualTo("ActionConfiguration { ApiKey = ***, Project = *** }"));
        Assert.That(ActionConfiguration.Empty.ToString(), Is.EqualTo("ActionConfiguration { }"));
    }

    [Test]
    public void A_missing_key_names_the_key_only()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Sample().GetSecretValue("Nope"));

        Assert.That(error!.Message, Does.Contain("'Nope'"));
        Assert.That(Canaries.Leaks(error.Message), Is.False);
    }

    [Test]
    public void Construction_rejects_duplicates_and_nulls_without_quoting_values()
    {
        var duplicate = Assert.Throws<ArgumentException>(() => _ = new ActionConfiguration([new("K", Canaries.ConfigValue), new("K", "other")]));
        Assert.That(Canaries.Leaks(duplicate!.Message), Is.False);
        Assert.Throws<ArgumentException>(() => _ = new ActionConfiguration([new("K", null!)]));
        Assert.Throws<ArgumentException>(() => _ = new ActionConfiguration([new(null!, "v")]));
        Assert.Throws<ArgumentNullException>(() => _ = new ActionConfiguration(null!));
        Assert.Throws<ArgumentNullException>(() => Sample().GetSecretValue(null!));
    }

    [Test]
    public void The_configuration_is_a_copy_of_its_input()
    {
        var input = new Dictionary<string, string> { ["K"] = "v" };
        var configuration = new ActionConfiguration(input);

        input["K"] = "changed";
        input["New"] = "x";

        Assert.That(configuration.GetSecretValue("K"), Is.EqualTo("v"));
        Assert.That(configuration.Keys.Count, Is.EqualTo(1));
    }

    [Test]
    public void Equality_compares_keys_and_values()
    {
        var first = Sample();
        var second = Sample();
        Assert.That(first, Is.Not.SameAs(second));
        Assert.That(first, Is.EqualTo(second));
        Assert.That(first.GetHashCode(), Is.EqualTo(second.GetHashCode()));
        Assert.That(Sample(), Is.Not.EqualTo(new ActionConfiguration(new Dictionary<string, string> { ["Project"] = "storefront", ["ApiKey"] = "other" })));
        Assert.That(Sample(), Is.Not.EqualTo(ActionConfiguration.Empty));
        Assert.That(Sample().Equals(null), Is.False);
    }
}
