using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ThirdPartyJobs.Testing.Protocol;

namespace ThirdPartyJobs.Testing.State;

/// <summary>
/// Builds a job's <c>data</c> object (model shape <c>ThirdPartyJobData</c>) from a <see cref="JobSpec"/>, checks
/// specs and raw data, and derives a continuation job's data. Absent optional members are left out, not null.
/// </summary>
internal static class JobData
{
    public static void Validate(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(spec.Configuration, nameof(spec.Configuration));
        ArgumentNullException.ThrowIfNull(spec.InputArtifacts, nameof(spec.InputArtifacts));
        ArgumentNullException.ThrowIfNull(spec.OutputArtifacts, nameof(spec.OutputArtifacts));
        foreach (var (key, value) in spec.Configuration)
        {
            Require(ModelShapes.ActionConfigurationKey, key, "Configuration key");
            if (value is null)
            {
                throw new ArgumentException($"Configuration value of '{key}' is null.", nameof(spec));
            }

            // The message names the key only: configuration values may be secrets.
            if (!ModelShapes.ActionConfigurationValue.IsValid(value))
            {
                throw new ArgumentException(
                    $"Configuration value of '{key}' must be 1 to 1000 characters long (model shape ActionConfigurationValue).",
                    nameof(spec));
            }
        }

        Require(ModelShapes.PipelineName, spec.PipelineName, nameof(spec.PipelineName));
        Require(ModelShapes.StageName, spec.StageName, nameof(spec.StageName));
        Require(ModelShapes.ActionName, spec.ActionName, nameof(spec.ActionName));
        if (spec.ActionExecutionId is { Length: 0 })
        {
            throw new ArgumentException("ActionExecutionId cannot be empty; pass null to generate one.", nameof(spec));
        }

        foreach (var artifact in spec.InputArtifacts.Concat(spec.OutputArtifacts))
        {
            ArgumentNullException.ThrowIfNull(artifact, nameof(spec));
            Require(ModelShapes.ArtifactName, artifact.Name, "Artifact name");
            ArgumentException.ThrowIfNullOrEmpty(artifact.BucketName, nameof(spec));
            ArgumentException.ThrowIfNullOrEmpty(artifact.ObjectKey, nameof(spec));
            if (artifact.Revision is not null)
            {
                Require(ModelShapes.Revision, artifact.Revision, "Artifact revision");
            }
        }

        if (spec.ArtifactCredentials is { SessionToken: null })
        {
            throw new ArgumentException("Artifact credentials are temporary: they need a session token (model shape AWSSessionCredentials).", nameof(spec));
        }

        if (spec.EncryptionKeyId is not null)
        {
            Require(ModelShapes.EncryptionKeyId, spec.EncryptionKeyId, nameof(spec.EncryptionKeyId));
        }

        if (spec.ContinuationToken is not null)
        {
            Require(ModelShapes.ContinuationToken, spec.ContinuationToken, nameof(spec.ContinuationToken));
        }
    }

    /// <summary>
    /// The job's data. A custom job's <c>pipelineContext</c> also carries <c>pipelineArn</c> and
    /// <c>pipelineExecutionId</c>, as CodePipeline sends them for custom jobs only.
    /// </summary>
    public static string Build(RegisteredActionType actionType, JobSpec spec, string region, string accountId)
    {
        var credentials = spec.ArtifactCredentials ?? EmulatorCredential.GenerateTemporary();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonSettings.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("actionTypeId");
            json.WriteString("category", actionType.Category);
            json.WriteString("owner", actionType.Owner);
            json.WriteString("provider", actionType.Provider);
            json.WriteString("version", actionType.Version);
            json.WriteEndObject();

            json.WriteStartObject("actionConfiguration");
            json.WriteStartObject("configuration");
            foreach (var (key, value) in spec.Configuration)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("pipelineContext");
            json.WriteString("pipelineName", spec.PipelineName);
            if (actionType.IsCustom)
            {
                json.WriteString("pipelineArn", $"arn:aws:codepipeline:{region}:{accountId}:{spec.PipelineName}");
                json.WriteString("pipelineExecutionId", Guid.NewGuid().ToString("D"));
            }

            json.WriteStartObject("stage");
            json.WriteString("name", spec.StageName);
            json.WriteEndObject();
            json.WriteStartObject("action");
            json.WriteString("name", spec.ActionName);
            json.WriteString("actionExecutionId", spec.ActionExecutionId ?? Guid.NewGuid().ToString("D"));
            json.WriteEndObject();
            json.WriteEndObject();

            WriteArtifacts(json, "inputArtifacts", spec.InputArtifacts);
            WriteArtifacts(json, "outputArtifacts", spec.OutputArtifacts);

            json.WriteStartObject("artifactCredentials");
            json.WriteString("accessKeyId", credentials.AccessKeyId);
            json.WriteString("secretAccessKey", credentials.SecretAccessKey);
            json.WriteString("sessionToken", credentials.SessionToken!);
            json.WriteEndObject();

            if (spec.ContinuationToken is not null)
            {
                json.WriteString("continuationToken", spec.ContinuationToken);
            }

            if (spec.EncryptionKeyId is not null)
            {
                json.WriteStartObject("encryptionKey");
                json.WriteString("id", spec.EncryptionKeyId);
                json.WriteString("type", "KMS");
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Checks that raw data is one JSON object and returns it compacted.</summary>
    public static string NormalizeRaw(string dataJson)
    {
        ArgumentNullException.ThrowIfNull(dataJson);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(dataJson);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The job data is not valid JSON.", nameof(dataJson), ex);
        }

        if (node is not JsonObject)
        {
            throw new ArgumentException("The job data must be a JSON object.", nameof(dataJson));
        }

        return node.ToJsonString(JsonSettings.NodeOptions);
    }

    /// <summary>The data of a continuation job: the same data with <c>continuationToken</c> set to the token.</summary>
    public static string WithContinuationToken(string dataJson, string continuationToken)
    {
        var data = (JsonObject)JsonNode.Parse(dataJson)!;
        data["continuationToken"] = continuationToken;
        return data.ToJsonString(JsonSettings.NodeOptions);
    }

    /// <summary>The value of a configuration property in a job's data, or <see langword="null"/> when it has none.</summary>
    public static string? ConfigurationValue(string dataJson, string key)
    {
        using var data = JsonDocument.Parse(dataJson);
        return data.RootElement.TryGetProperty("actionConfiguration", out var action) && action.ValueKind == JsonValueKind.Object
            && action.TryGetProperty("configuration", out var configuration) && configuration.ValueKind == JsonValueKind.Object
            && configuration.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }

    private static void WriteArtifacts(Utf8JsonWriter json, string name, IList<ArtifactSpec> artifacts)
    {
        json.WriteStartArray(name);
        foreach (var artifact in artifacts)
        {
            json.WriteStartObject();
            json.WriteString("name", artifact.Name);
            if (artifact.Revision is not null)
            {
                json.WriteString("revision", artifact.Revision);
            }

            json.WriteStartObject("location");
            json.WriteString("type", "S3");
            json.WriteStartObject("s3Location");
            json.WriteString("bucketName", artifact.BucketName);
            json.WriteString("objectKey", artifact.ObjectKey);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Require(StringShape shape, string? value, string what)
    {
        if (value is null)
        {
            throw new ArgumentException($"{what} is null.", what);
        }

        var broken = shape.Check(value).ToList();
        if (broken.Count > 0)
        {
            throw new ArgumentException($"{what} '{value}' breaks model shape {shape.Name}: {string.Join("; ", broken)}.", what);
        }
    }
}
