using System.Text.Json;

namespace ThirdPartyJobs.Tests.Validation;

/// <summary>
/// The one table of CodePipeline's limits against the official model as botocore ships it, when the
/// machine has it (otherwise ignored): every entry matches its shape, and every constrained string
/// the five third-party job operations accept has an entry.
/// </summary>
[TestFixture]
public sealed class CodePipelineLimitsTests
{
    private static readonly string[] ModelPaths =
    [
        "/usr/lib/python3/dist-packages/botocore/data/codepipeline/2015-07-09/service-2.json",
        "/usr/share/python3/dist-packages/botocore/data/codepipeline/2015-07-09/service-2.json",
        "/usr/lib/google-cloud-sdk/lib/third_party/botocore/data/codepipeline/2015-07-09/service-2.json",
    ];

    private static readonly string[] Operations =
    [
        "GetThirdPartyJobDetails", "PollForThirdPartyJobs", "AcknowledgeThirdPartyJob", "PutThirdPartyJobSuccessResult", "PutThirdPartyJobFailureResult",
    ];

    private JsonDocument _model = null!;

    private JsonElement Shapes => _model.RootElement.GetProperty("shapes");

    [OneTimeSetUp]
    public void LoadModel()
    {
        var path = ModelPaths.FirstOrDefault(File.Exists);
        if (path is null)
        {
            Assert.Ignore("The botocore CodePipeline model is not on this machine (apt-get install python3-botocore).");
        }

        _model = JsonDocument.Parse(File.ReadAllText(path!));
    }

    [OneTimeTearDown]
    public void Dispose() => _model?.Dispose();

    [Test]
    public void Every_entry_matches_its_model_shape()
    {
        Assert.Multiple(() =>
        {
            foreach (var limit in CodePipelineLimits.All)
            {
                var shape = Shapes.GetProperty(limit.Shape);
                Assert.That(shape.GetProperty("type").GetString(), Is.EqualTo("string"), limit.Shape);
                Assert.That(shape.GetProperty("min").GetInt32(), Is.EqualTo(limit.Min), limit.Shape + " min");
                Assert.That(shape.GetProperty("max").GetInt32(), Is.EqualTo(limit.Max), limit.Shape + " max");
                Assert.That(shape.TryGetProperty("pattern", out var pattern) ? pattern.GetString() : null, Is.EqualTo(limit.Pattern), limit.Shape + " pattern");
            }

            Assert.That(Shapes.GetProperty("Percentage").GetProperty("min").GetInt32(), Is.EqualTo(CodePipelineLimits.MinPercentComplete));
            Assert.That(Shapes.GetProperty("Percentage").GetProperty("max").GetInt32(), Is.EqualTo(CodePipelineLimits.MaxPercentComplete));
            Assert.That(Shapes.GetProperty("MaxBatchSize").GetProperty("min").GetInt32(), Is.EqualTo(CodePipelineLimits.MinBatchSize));
            Assert.That(Shapes.GetProperty("MaxBatchSize").TryGetProperty("max", out _), Is.False, "the model sets no upper bound");
        });
    }

    [Test]
    public void Every_constrained_string_of_the_job_operations_is_in_the_table()
    {
        var constrained = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var operation in Operations)
        {
            Collect(_model.RootElement.GetProperty("operations").GetProperty(operation).GetProperty("input").GetProperty("shape").GetString()!, constrained, []);
        }

        Assert.That(constrained, Is.EquivalentTo(CodePipelineLimits.All.Select(limit => limit.Shape)));
    }

    [TestCase("Provider_1-x", true)]
    [TestCase("Provider\n", false)]
    [TestCase("Pro vider", false)]
    [TestCase("Prövider", false)]
    public void The_name_pattern_is_anchored(string value, bool matches) =>
        Assert.That(CodePipelineLimits.NamePattern().IsMatch(value), Is.EqualTo(matches));

    private void Collect(string shapeName, SortedSet<string> constrained, HashSet<string> seen)
    {
        if (!seen.Add(shapeName))
        {
            return;
        }

        var shape = Shapes.GetProperty(shapeName);
        switch (shape.GetProperty("type").GetString())
        {
            case "structure":
                foreach (var member in shape.GetProperty("members").EnumerateObject())
                {
                    Collect(member.Value.GetProperty("shape").GetString()!, constrained, seen);
                }

                break;
            case "string" when shape.TryGetProperty("min", out _) || shape.TryGetProperty("max", out _) || shape.TryGetProperty("pattern", out _):
                constrained.Add(shapeName);
                break;
        }
    }
}
