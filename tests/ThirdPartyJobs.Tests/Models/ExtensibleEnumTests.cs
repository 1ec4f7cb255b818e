using System.Reflection;
using System.Text.Json;

namespace ThirdPartyJobs.Tests.Models;

/// <summary>The open enumerations: every value of the API model is known, anything else is kept verbatim.</summary>
[TestFixture]
public sealed class ExtensibleEnumTests
{
    // The enum members of the 2015-07-09 API model (Compute: added to CodePipeline since, and named by the library).
    private static IEnumerable<TestCaseData> KnownValues()
    {
        yield return new TestCaseData(typeof(ActionCategory), new[] { "Source", "Build", "Deploy", "Test", "Invoke", "Approval", "Compute" });
        yield return new TestCaseData(typeof(ActionOwner), new[] { "AWS", "ThirdParty", "Custom" });
        yield return new TestCaseData(typeof(JobStatus), new[] { "Created", "Queued", "Dispatched", "InProgress", "TimedOut", "Succeeded", "Failed" });
        yield return new TestCaseData(typeof(FailureType), new[] { "JobFailed", "ConfigurationError", "PermissionError", "RevisionOutOfSync", "RevisionUnavailable", "SystemUnavailable" });
        yield return new TestCaseData(typeof(EncryptionKeyType), new[] { "KMS" });
        yield return new TestCaseData(typeof(ArtifactLocationType), new[] { "S3" });
    }

    private static object FromValue(Type type, string value)
    {
        try
        {
            return type.GetMethod("FromValue", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)!.Invoke(null, [value])!;
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            throw error.InnerException;
        }
    }

    private static IEnumerable<object> Named(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).Select(p => p.GetValue(null)!);

    // The enumerations share a generic base only, so the tests read Value and IsKnown by name.
    private static string ValueOf(object value) => (string)value.GetType().GetProperty("Value")!.GetValue(value)!;

    private static bool IsKnown(object value) => (bool)value.GetType().GetProperty("IsKnown")!.GetValue(value)!;

    [TestCaseSource(nameof(KnownValues))]
    public void Every_model_value_is_named_and_known(Type type, string[] values)
    {
        Assert.That(Named(type).Select(ValueOf), Is.EquivalentTo(values));
        foreach (var value in values)
        {
            var parsed = FromValue(type, value);
            Assert.That(IsKnown(parsed), Is.True, value);
            Assert.That(parsed, Is.SameAs(FromValue(type, value)), "known values are singletons");
            Assert.That(parsed.ToString(), Is.EqualTo(value));
        }
    }

    [TestCaseSource(nameof(KnownValues))]
    public void Unknown_values_are_kept_and_compare_by_value(Type type, string[] values)
    {
        var unknown = FromValue(type, "SomethingNew");

        Assert.That(ValueOf(unknown), Is.EqualTo("SomethingNew"));
        Assert.That(IsKnown(unknown), Is.False);
        Assert.That(unknown, Is.EqualTo(FromValue(type, "SomethingNew")));
        Assert.That(unknown.GetHashCode(), Is.EqualTo(FromValue(type, "SomethingNew").GetHashCode()));
        Assert.That(unknown, Is.Not.EqualTo(FromValue(type, values[0])));
        Assert.That(IsKnown(FromValue(type, values[0].ToUpperInvariant() + "x")), Is.False);
    }

    [TestCaseSource(nameof(KnownValues))]
    public void Null_empty_and_white_space_are_rejected(Type type, string[] values)
    {
        _ = values;
        Assert.Throws<ArgumentException>(() => FromValue(type, null!));
        Assert.Throws<ArgumentException>(() => FromValue(type, ""));
        Assert.Throws<ArgumentException>(() => FromValue(type, " \t"));
    }

    [Test]
    public void FromValue_is_the_one_way_from_a_string()
    {
        // One name per concept: the implicit string conversions went (issue 9); FromValue gives the same instances.
        var build = ActionCategory.FromValue("Build");
        var partner = ActionOwner.FromValue("Partner");
        var status = JobStatus.FromValue("InProgress");
        var failure = FailureType.FromValue("JobFailed");

        Assert.That(build, Is.SameAs(ActionCategory.Build));
        Assert.That(partner.IsKnown, Is.False);
        Assert.That(status == JobStatus.InProgress, Is.True);
        Assert.That(failure, Is.SameAs(FailureType.JobFailed));
    }

    [Test]
    public void Values_of_different_enums_are_never_equal() =>
        Assert.That(ActionCategory.FromValue("X").Equals((object)ActionOwner.FromValue("X")), Is.False);

    [Test]
    public void System_Text_Json_writes_and_reads_the_wire_string()
    {
        var id = new ActionTypeId(ActionCategory.Deploy, ActionOwner.FromValue("Partner"), "P", "1");

        var json = JsonSerializer.Serialize(id);
        var back = JsonSerializer.Deserialize<ActionTypeId>(json)!;

        Assert.That(json, Is.EqualTo("""{"Category":"Deploy","Owner":"Partner","Provider":"P","Version":"1"}"""));
        Assert.That(back, Is.EqualTo(id));
        Assert.That(back.Category, Is.SameAs(ActionCategory.Deploy));
        Assert.That(back.Owner!.IsKnown, Is.False);
    }

    [Test]
    public void System_Text_Json_rejects_a_non_string() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JobStatus>("42"));

    [Test]
    public void No_implicit_conversions_remain() =>
        Assert.That(typeof(ExtensibleEnum<>).Assembly.GetExportedTypes().SelectMany(t => t.GetMethods()).Where(m => m.Name == "op_Implicit"), Is.Empty);
}
