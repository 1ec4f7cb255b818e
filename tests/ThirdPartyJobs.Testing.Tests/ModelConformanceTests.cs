using System.Text.Json;
using ThirdPartyJobs.Testing.Protocol;

namespace ThirdPartyJobs.Testing.Tests;

/// <summary>
/// Compares the emulator's constraint table with the official CodePipeline model as botocore ships it, when the
/// machine has it (the botocore of python3 on PATH, Debian's python3-botocore, or a bundled copy); otherwise the
/// tests are ignored. The newest model found is used (botocore ships it as <c>service-2.json.gz</c> lately).
/// </summary>
public sealed class ModelConformanceTests
{
    private static readonly Lazy<JsonElement?> LoadedModel = new(ModelFile.Load);

    private static JsonElement Model
    {
        get
        {
            if (LoadedModel.Value is not { } model)
            {
                Assert.Ignore("No botocore CodePipeline model on this machine.");
                return default;
            }

            return model;
        }
    }

    [Test]
    public void The_target_prefix_and_operations_match_the_model()
    {
        var model = Model;

        Assert.Multiple(() =>
        {
            Assert.That(model.GetProperty("metadata").GetProperty("targetPrefix").GetString() + ".", Is.EqualTo(OperationNames.TargetPrefix));
            Assert.That(model.GetProperty("metadata").GetProperty("jsonVersion").GetString(), Is.EqualTo("1.1"));
            Assert.That(model.GetProperty("metadata").GetProperty("endpointPrefix").GetString(), Is.EqualTo("codepipeline"), "the SigV4 service name");
            foreach (var operation in Enum.GetNames<CodePipelineOperation>())
            {
                Assert.That(model.GetProperty("operations").TryGetProperty(operation, out _), Is.True, operation);
            }
        });
    }

    [TestCaseSource(nameof(ShapeNames))]
    public void Shape_constraints_match_the_model(string name)
    {
        // A string shape has a length range, a pattern and enum values; an integer shape a value range only.
        var (min, max, pattern, enumValues) = ModelShapes.AllStrings.SingleOrDefault(s => s.Name == name) is { } text
            ? (text.Min, text.Max, text.Pattern, text.EnumValues)
            : (ModelShapes.AllIntegers.Single(s => s.Name == name).Min, ModelShapes.AllIntegers.Single(s => s.Name == name).Max, null, null);
        var model = Model.GetProperty("shapes").GetProperty(name);

        Assert.Multiple(() =>
        {
            Assert.That(min, Is.EqualTo(Optional(model, "min")), "min");
            Assert.That(max, Is.EqualTo(Optional(model, "max")), "max");
            Assert.That(pattern, Is.EqualTo(model.TryGetProperty("pattern", out var modelPattern) ? modelPattern.GetString() : null), "pattern");
            Assert.That(
                enumValues,
                Is.EqualTo(model.TryGetProperty("enum", out var values) ? ModelEnum(name, values) : null),
                "enum");
        });
    }

    [TestCase("GetThirdPartyJobDetails", "JobNotFoundException", "ValidationException", "InvalidClientTokenException", "InvalidJobException")]
    [TestCase("PollForThirdPartyJobs", "ActionTypeNotFoundException", "ValidationException")]
    [TestCase("AcknowledgeThirdPartyJob", "ValidationException", "InvalidNonceException", "JobNotFoundException", "InvalidClientTokenException")]
    [TestCase("PutThirdPartyJobSuccessResult", "ValidationException", "JobNotFoundException", "InvalidJobStateException", "InvalidClientTokenException")]
    [TestCase("PutThirdPartyJobFailureResult", "ValidationException", "JobNotFoundException", "InvalidJobStateException", "InvalidClientTokenException")]
    [TestCase("PollForJobs", "ValidationException", "ActionTypeNotFoundException")]
    [TestCase("AcknowledgeJob", "ValidationException", "InvalidNonceException", "JobNotFoundException")]
    [TestCase("GetJobDetails", "ValidationException", "JobNotFoundException")]
    [TestCase("PutJobSuccessResult", "ValidationException", "JobNotFoundException", "InvalidJobStateException", "OutputVariablesSizeExceededException")]
    [TestCase("PutJobFailureResult", "ValidationException", "JobNotFoundException", "InvalidJobStateException")]
    public void The_service_errors_the_emulator_answers_are_modeled_for_the_operation(string operation, params string[] emulatorErrors)
    {
        var modeled = Model.GetProperty("operations").GetProperty(operation).GetProperty("errors")
            .EnumerateArray().Select(e => e.GetProperty("shape").GetString()).ToList();

        Assert.That(emulatorErrors, Is.SubsetOf(modeled));
    }

    // Models older than the Commands action (2024) lack the Compute category, which current AWS accepts.
    private static List<string?> ModelEnum(string shape, JsonElement values)
    {
        var list = values.EnumerateArray().Select(v => v.GetString()).ToList();
        if (shape == "ActionCategory" && !list.Contains("Compute"))
        {
            list.Add("Compute");
        }

        return list;
    }

    private static IEnumerable<string> ShapeNames() => ModelShapes.AllStrings.Select(s => s.Name).Concat(ModelShapes.AllIntegers.Select(s => s.Name));

    private static int? Optional(JsonElement shape, string member) =>
        shape.TryGetProperty(member, out var value) ? value.GetInt32() : null;
}
