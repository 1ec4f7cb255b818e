using System.Text;
using System.Text.Json;

namespace ThirdPartyJobs.Tests.Protocol.Json;

/// <summary>Every way a response can be wrong ends as a <see cref="MalformedResponseException"/> that names where, and never quotes the body.</summary>
[TestFixture]
public sealed class ResponseParserMalformedTests
{
    private const string Creds = $$$$$"""
        "artifactCredentials":{"accessKeyId":"{{{{{Canaries.AccessKeyId}}}}}","secretAccessKey":"{{{{{Canaries.SecretAccessKey}}}}}","sessionToken":"{{{{{Canaries.SessionToken}}}}}"}
        """;

    private const string Config = $$$$$"""
        "actionConfiguration":{"configuration":{"ApiKey":"{{{{{Canaries.ConfigValue}}}}}"}}
        """;

    private static string Job(string data) => "{\"jobDetails\":{\"id\":\"j-1\",\"nonce\":\"5\",\"data\":" + data + "}}";

    // A member of the wrong JSON type: the message names the path and the expected type.
    private static IEnumerable<TestCaseData> WrongTokenTypes()
    {
        yield return Case("""{"jobDetails":"j-1"}""", "$.jobDetails", "jobDetails is a string");
        yield return Case("""{"jobDetails":[]}""", "$.jobDetails", "jobDetails is an array");
        yield return Case("""{"jobDetails":{"id":42,"nonce":"1","data":{}}}""", "$.jobDetails.id", "id is a number");
        yield return Case("""{"jobDetails":{"id":"j","nonce":true,"data":{}}}""", "$.jobDetails.nonce", "nonce is a bool");
        yield return Case("""{"jobDetails":{"id":"j","nonce":"1","data":"x"}}""", "$.jobDetails.data", "data is a string");
        yield return Case(Job("""{"actionTypeId":[]}"""), "$.jobDetails.data.actionTypeId", "actionTypeId is an array");
        yield return Case(Job("""{"actionTypeId":{"category":1,"owner":"AWS","provider":"P","version":"1"}}"""), "$.jobDetails.data.actionTypeId.category", "category is a number");
        yield return Case(Job("""{"actionConfiguration":"x"}"""), "$.jobDetails.data.actionConfiguration", "actionConfiguration is a string");
        yield return Case(Job("""{"actionConfiguration":{"configuration":[]}}"""), "$.jobDetails.data.actionConfiguration.configuration", "configuration is an array");
        yield return Case(Job("""{"actionConfiguration":{"configuration":{"ApiKey":{"nested":"x"}}}}"""), "$.jobDetails.data.actionConfiguration.configuration.<value>", "configuration value is an object");
        yield return Case(Job("""{"actionConfiguration":{"configuration":{"Port":8080}}}"""), "$.jobDetails.data.actionConfiguration.configuration.<value>", "configuration value is a number");
        yield return Case(Job("""{"pipelineContext":[]}"""), "$.jobDetails.data.pipelineContext", "pipelineContext is an array");
        yield return Case(Job("""{"pipelineContext":{"stage":"Beta"}}"""), "$.jobDetails.data.pipelineContext.stage", "stage is a string");
        yield return Case(Job("""{"pipelineContext":{"action":{"name":["A"]}}}"""), "$.jobDetails.data.pipelineContext.action.name", "action name is an array");
        yield return Case(Job("""{"inputArtifacts":{}}"""), "$.jobDetails.data.inputArtifacts", "inputArtifacts is an object");
        yield return Case(Job("""{"outputArtifacts":"Out"}"""), "$.jobDetails.data.outputArtifacts", "outputArtifacts is a string");
        yield return Case(Job("""{"inputArtifacts":[1]}"""), "$.jobDetails.data.inputArtifacts[]", "artifact is a number");
        yield return Case(Job("""{"inputArtifacts":[{"location":"s3://b/k"}]}"""), "$.jobDetails.data.inputArtifacts[].location", "location is a string");
        yield return Case(Job("""{"inputArtifacts":[{"location":{"s3Location":{"bucketName":1,"objectKey":"k"}}}]}"""), "$.jobDetails.data.inputArtifacts[].location.s3Location.bucketName", "bucket is a number");
        yield return Case(Job("""{"artifactCredentials":"secret"}"""), "$.jobDetails.data.artifactCredentials", "credentials is a string");
        yield return Case(Job($$$$$"""{"artifactCredentials":{"accessKeyId":"{{{{{Canaries.AccessKeyId}}}}}","secretAccessKey":["{{{{{Canaries.SecretAccessKey}}}}}"],"sessionToken":"{{{{{Canaries.SessionToken}}}}}"}}"""), "$.jobDetails.data.artifactCredentials.secretAccessKey", "secret key is an array");
        yield return Case(Job("""{"continuationToken":7}"""), "$.jobDetails.data.continuationToken", "continuation token is a number");
        yield return Case(Job("""{"encryptionKey":"KMS"}"""), "$.jobDetails.data.encryptionKey", "encryption key is a string");
    }

    private static TestCaseData Case(string json, string path, string name) => new TestCaseData(json, path).SetName($"{{m}}({name})");

    [TestCaseSource(nameof(WrongTokenTypes))]
    public void Names_the_json_path(string json, string path)
    {
        var error = AssertMalformed(() => ParserHarness.JobDetails(json));

        Assert.That(error.Message, Does.Contain(" " + path + " "), "the message names the path (and not a deeper one)");
    }

    [Test]
    public void Wrong_type_message_says_what_was_expected_and_found()
    {
        var error = AssertMalformed(() => ParserHarness.JobDetails("""{"jobDetails":{"id":42,"nonce":"1","data":{}}}"""));

        Assert.That(error.Message, Does.Contain("expected a string at $.jobDetails.id but found Number"));
    }

    private static IEnumerable<TestCaseData> SyntaxErrors()
    {
        var full = SampleResponses.FullJobDetails;
        var secretAt = full.IndexOf(Canaries.SecretAccessKey, StringComparison.Ordinal);
        yield return Body("   \r\n\t ", "white space only");
        yield return Body("{", "only an opening brace");
        yield return Body(full[..(secretAt + 10)], "truncated inside the secret key");
        yield return Body(full[..(full.Length / 2)], "truncated in the middle");
        yield return Body(full[..^1], "missing the last brace");
        yield return Body(full + " garbage " + Canaries.SecretAccessKey, "trailing garbage");
        yield return Body(full + "{}", "a second object");
        yield return Body(full + ",", "a trailing comma");
        yield return Body("[" + full + "]", "a top-level array");
        yield return Body("[]", "an empty top-level array");
        yield return Body("\"" + Canaries.SecretAccessKey + "\"", "a top-level string");
        yield return Body("42", "a top-level number");
        yield return Body("null", "a top-level null");
        yield return Body("true", "a top-level boolean");
        yield return Body($"<html><body>502 Bad Gateway {Canaries.ClientToken}</body></html>", "an HTML page");
        yield return Body($$$$$"""{'jobDetails': {'id': '{{{{{Canaries.ClientToken}}}}}'}}""", "single quotes");
        yield return Body(Job("{" + Creds + ",}"), "a trailing comma in an object");
        yield return Body($$$$$"""{"jobDetails":{"id":"j","nonce":"1","data":{ /* {{{{{Canaries.SecretAccessKey}}}}} */ }}}""", "a comment");
        yield return Body($$$$$"""{"jobDetails":{"id":"j","nonce":"1","data":{"artifactCredentials":{"accessKeyId":"A","secretAccessKey":"{{{{{Canaries.SecretAccessKey}}}}}\q","sessionToken":"S"}}}}""", "an invalid escape inside a secret");
        yield return Body($$$$$"""{"jobDetails":{"id":"j","nonce":"1","data":{"artifactCredentials":{"accessKeyId":"A","secretAccessKey":"{{{{{Canaries.SecretAccessKey}}}}}{{{{{"\n"}}}}}","sessionToken":"S"}}}}""", "a raw control character inside a secret");
        yield return Body(Job("{" + Config.Replace("\"ApiKey\"", "ApiKey", StringComparison.Ordinal) + "}"), "an unquoted member name");
        yield return Body(Encoding.UTF8.GetBytes(SampleResponses.MinimalJobDetails).Prepend((byte)0xBF).Prepend((byte)0xBB).Prepend((byte)0xEF).ToArray(), "a byte order mark");
        yield return Body(new string('[', 100) + new string(']', 100), "deeply nested arrays");
        yield return Body("""{"jobDetails":{"id":"j","nonce":"1","data":{},"x":""" + new string('[', 40) + new string(']', 40) + "}}", "an unknown member nested too deeply");
    }

    // Well-formed JSON whose text cannot be decoded.
    private static IEnumerable<TestCaseData> UndecodableJobDetails()
    {
        yield return Body(Job($$$$$"""{"artifactCredentials":{"accessKeyId":"A","secretAccessKey":"{{{{{Canaries.SecretAccessKey}}}}}\uD800","sessionToken":"S"}}"""), "a lone surrogate escape inside a secret");
        yield return Body(Job($$$$$"""{"actionConfiguration":{"configuration":{"ApiKey":"\uDC00{{{{{Canaries.ConfigValue}}}}}"}}}"""), "a lone low surrogate in a configuration value");
        yield return Body(Utf8With(Job($$$$$"""{"artifactCredentials":{"accessKeyId":"A","secretAccessKey":"{{{{{Canaries.SecretAccessKey}}}}}#","sessionToken":"S"}}"""), '#', 0xFF), "invalid UTF-8 inside a secret");
        yield return Body(Utf8With(Job("""{"actionConfiguration":{"configuration":{"Api#Key":"v"}}}"""), '#', 0xC3), "invalid UTF-8 in a configuration key");
        yield return Body(Utf8With(Job("""{"pipelineContext":{"pipelineName":"Pipe#"}}"""), '#', 0xFE), "invalid UTF-8 in a pipeline name");
    }

    private static byte[] Utf8With(string json, char placeholder, byte invalid) =>
        Encoding.UTF8.GetBytes(json).Select(b => b == (byte)placeholder ? invalid : b).ToArray();

    private static TestCaseData Body(string text, string name) => Body(Encoding.UTF8.GetBytes(text), name);

    private static TestCaseData Body(byte[] bytes, string name) => new TestCaseData(bytes).SetName($"{{m}}({name})");

    [TestCaseSource(nameof(SyntaxErrors))]
    [TestCaseSource(nameof(UndecodableJobDetails))]
    public void Invalid_job_details_body(byte[] body)
    {
        var error = AssertMalformed(() => ParserHarness.JobDetails(body));

        Assert.That(error.Operation, Is.EqualTo("GetThirdPartyJobDetails"));
    }

    [TestCaseSource(nameof(SyntaxErrors))]
    public void Invalid_acknowledge_body(byte[] body) => AssertMalformed(() => ParserHarness.Status(body));

    [TestCase("{\"status\":\"In\\uD800\"}")]
    [TestCase("{\"status\":\"\\uDFFFProgress\"}")]
    public void Undecodable_acknowledge_status(string json) => AssertMalformed(() => ParserHarness.Status(json));

    [TestCase(new byte[] { 0x7B, 0x22, 0x73, 0x74, 0x61, 0x74, 0x75, 0x73, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D })]
    public void Invalid_utf8_acknowledge_status(byte[] body) => AssertMalformed(() => ParserHarness.Status(body));

    [TestCase("{\"jobs\":[{\"clientId\":\"\\uD800\",\"jobId\":\"j\"}]}")]
    [TestCase("{\"jobs\":[{\"clientId\":\"c\",\"jobId\":\"\\uDBFF\"}]}")]
    public void Undecodable_poll_body(string json) => AssertMalformed(() => ParserHarness.Jobs(json));

    [TestCaseSource(nameof(SyntaxErrors))]
    public void Invalid_poll_body(byte[] body) => AssertMalformed(() => ParserHarness.Jobs(body));

    [Test]
    public void Error_carries_the_request_id_job_id_and_operation()
    {
        var error = AssertMalformed(() => ParserHarness.JobDetails("""{"jobDetails":[]}"""));

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), "a 200 arrived");
            Assert.That(error.RequestId, Is.EqualTo(ParserHarness.RequestId));
            Assert.That(error.JobId, Is.EqualTo(ParserHarness.JobId));
            Assert.That(error.Operation, Is.EqualTo("GetThirdPartyJobDetails"));
            Assert.That(error.ErrorCode, Is.Null);
            Assert.That(error.Message, Does.Contain(ParserHarness.RequestId));
        });
    }

    [Test]
    public void Invalid_json_reports_only_the_position()
    {
        var error = AssertMalformed(() => ParserHarness.JobDetails("{\"jobDetails\": {\"id\": " + Canaries.SecretAccessKey + "}}"));

        Assert.That(error.Message, Does.Match(@"line \d+, byte \d+"));
        Assert.That(error.InnerException, Is.Null, "a JsonException could quote the body");
    }

    /// <summary>Runs <paramref name="parse"/> and requires a MalformedResponseException: never a JsonException, InvalidOperationException or NullReferenceException, and never a canary in its text.</summary>
    internal static MalformedResponseException AssertMalformed(Func<object> parse)
    {
        Exception? thrown = null;
        try
        {
            parse();
        }
        catch (Exception error)
        {
            thrown = error;
        }

        Assert.That(thrown, Is.Not.Null, "parsing succeeded but should have failed");
        Assert.That(thrown, Is.TypeOf<MalformedResponseException>(), () => $"wrong exception: {thrown}");
        Assert.That(thrown, Is.Not.InstanceOf<JsonException>());
        Assert.That(Canaries.Leaks(thrown!.Message), Is.False, () => "the message quotes a secret: " + thrown.Message);
        Assert.That(Canaries.Leaks(thrown.ToString()), Is.False, () => "ToString quotes a secret: " + thrown);
        return (MalformedResponseException)thrown;
    }
}
