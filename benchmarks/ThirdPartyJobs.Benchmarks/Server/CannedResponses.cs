using System.Text;

namespace ThirdPartyJobs.Benchmarks.Server;

/// <summary>
/// Realistic CodePipeline responses, shaped like real ones: every field of a job's details set,
/// a session token as long as real STS tokens (~750 characters), ARN-sized ids.
/// </summary>
public static class CannedResponses
{
    public const string JobId = "f4f4ff82-2d11-EXAMPLE-9b9b-7c8e3b3b3b3b";
    public const string ClientToken = "client-token-0123456789abcdef0123456789abcdef";
    public const string Nonce = "3f7a1c2e-EXAMPLE-nonce";

    /// <summary>A full <c>GetThirdPartyJobDetails</c> response with a 5-entry configuration (about 2 KB).</summary>
    public static byte[] JobDetails { get; } = Encoding.UTF8.GetBytes(JobDetailsJson(configurationEntries: 5));

    /// <summary>The same response with a 200-entry configuration map.</summary>
    public static byte[] JobDetailsLargeConfiguration { get; } = Encoding.UTF8.GetBytes(JobDetailsJson(configurationEntries: 200));

    public static byte[] PollOneJob { get; } = Encoding.UTF8.GetBytes("""{"jobs":[{"clientId":"client-1","jobId":"@JOBID@"}]}""".Replace("@JOBID@", JobId, StringComparison.Ordinal));

    public static byte[] AcknowledgeInProgress { get; } = """{"status":"InProgress"}"""u8.ToArray();

    public static byte[] Empty { get; } = "{}"u8.ToArray();

    /// <summary>The <c>GetThirdPartyJobDetails</c> request body the client sends for <see cref="JobId"/>.</summary>
    public static byte[] GetJobDetailsRequest { get; } = Encoding.UTF8.GetBytes("{\"jobId\":\"" + JobId + "\",\"clientToken\":\"" + ClientToken + "\"}");

    public static string JobDetailsJson(int configurationEntries)
    {
        var configuration = new StringBuilder();
        string[] realistic = ["ProjectName", "ApiKey", "Environment", "Region", "BuildSpec"];
        for (var i = 0; i < configurationEntries; i++)
        {
            var key = i < realistic.Length ? realistic[i] : $"Setting{i:D3}";
            configuration.Append(i == 0 ? "" : ",").Append('"').Append(key).Append("\":\"value-").Append(i).Append("-4f1c9e2a7b\"");
        }

        // A session token of realistic length: base64-like, ~750 characters.
        var sessionToken = string.Concat(Enumerable.Repeat("IQoJb3JpZ2luX2VjEH0aCXVzLWVhc3QtMSJHMEUCIQDEXAMPLETOKEN+/", 13));
        return """
            {"jobDetails":{"id":"@JOBID@","data":{
            "actionTypeId":{"category":"Build","owner":"ThirdParty","provider":"ExamplePartnerBuild","version":"1"},
            "actionConfiguration":{"configuration":{@CONFIGURATION@}},
            "pipelineContext":{"pipelineName":"storefront-release-pipeline","stage":{"name":"Build"},"action":{"name":"PartnerBuild","actionExecutionId":"0b7c3a51-2f1e-4b7d-9f5e-EXAMPLE00001"},"pipelineArn":"arn:aws:codepipeline:us-east-1:111122223333:storefront-release-pipeline","pipelineExecutionId":"c4d0b1a2-7e5f-4c3b-8a9d-EXAMPLE00002"},
            "inputArtifacts":[{"name":"SourceOutput","revision":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b","location":{"type":"S3","s3Location":{"bucketName":"codepipeline-us-east-1-111122223333","objectKey":"storefront-release/SourceOutp/Ab3dE7f.zip"}}}],
            "outputArtifacts":[{"name":"BuildOutput","revision":null,"location":{"type":"S3","s3Location":{"bucketName":"codepipeline-us-east-1-111122223333","objectKey":"storefront-release/BuildOutpu/Xy9zW1v.zip"}}}],
            "artifactCredentials":{"accessKeyId":"ASIAEXAMPLEKEYID0001","secretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","sessionToken":"@SESSIONTOKEN@"},
            "continuationToken":"continuation-step-2-of-3",
            "encryptionKey":{"id":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab","type":"KMS"}},
            "nonce":"@NONCE@"}}
            """
            .ReplaceLineEndings("")
            .Replace("@JOBID@", JobId, StringComparison.Ordinal)
            .Replace("@CONFIGURATION@", configuration.ToString(), StringComparison.Ordinal)
            .Replace("@SESSIONTOKEN@", sessionToken, StringComparison.Ordinal)
            .Replace("@NONCE@", Nonce, StringComparison.Ordinal);
    }
}
