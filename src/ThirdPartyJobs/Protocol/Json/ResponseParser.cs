using System.Collections.ObjectModel;
using System.Text.Json;

namespace ThirdPartyJobs.Protocol.Json;

/// <summary>
/// Parses CodePipeline's JSON responses into the library's records with a forward-only
/// <see cref="Utf8JsonReader"/>. Unknown members are skipped; every other surprise (invalid
/// JSON, wrong token types, missing required members) becomes a
/// <see cref="MalformedResponseException"/> naming the JSON path, never quoting the body.
/// </summary>
internal static class ResponseParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    public static JobDetails ParseJobDetails(ReadOnlySpan<byte> body, in ParseContext context)
    {
        var reader = Start(body, context);
        try
        {
            JobDetails? details = null;
            while (NextProperty(ref reader, "$", context))
            {
                if (reader.ValueTextEquals("jobDetails"u8))
                {
                    reader.Read();
                    details = ReadJobDetails(ref reader, context);
                }
                else
                {
                    SkipValue(ref reader);
                }
            }

            Finish(ref reader, context);
            return details ?? throw context.Missing("$.jobDetails");
        }
        catch (JsonException error)
        {
            throw context.InvalidJson(error);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.ValueTextEquals throws this for a property name with an invalid escape (\udc00).
            throw context.InvalidText();
        }
    }

    public static IReadOnlyList<ThirdPartyJob> ParseJobs(ReadOnlySpan<byte> body, in ParseContext context)
    {
        var reader = Start(body, context);
        try
        {
            IReadOnlyList<ThirdPartyJob> jobs = [];
            while (NextProperty(ref reader, "$", context))
            {
                if (reader.ValueTextEquals("jobs"u8))
                {
                    reader.Read();
                    jobs = ReadList(ref reader, "$.jobs", context, ReadThirdPartyJob);
                }
                else
                {
                    SkipValue(ref reader);
                }
            }

            Finish(ref reader, context);
            return jobs;
        }
        catch (JsonException error)
        {
            throw context.InvalidJson(error);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.ValueTextEquals throws this for a property name with an invalid escape (\udc00).
            throw context.InvalidText();
        }
    }

    public static JobStatus ParseAcknowledgeStatus(ReadOnlySpan<byte> body, in ParseContext context)
    {
        var reader = Start(body, context);
        try
        {
            string? status = null;
            while (NextProperty(ref reader, "$", context))
            {
                if (reader.ValueTextEquals("status"u8))
                {
                    reader.Read();
                    status = ReadString(ref reader, "$.status", context);
                }
                else
                {
                    SkipValue(ref reader);
                }
            }

            Finish(ref reader, context);
            return JobStatus.FromValue(RequireText(status, "$.status", context));
        }
        catch (JsonException error)
        {
            throw context.InvalidJson(error);
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.ValueTextEquals throws this for a property name with an invalid escape (\udc00).
            throw context.InvalidText();
        }
    }

    private static JobDetails ReadJobDetails(ref Utf8JsonReader reader, in ParseContext context)
    {
        const string path = "$.jobDetails";
        ExpectObject(ref reader, path, context);
        string? id = null, nonce = null;
        JobData? data = null;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = ReadString(ref reader, path, ".id", context);
            }
            else if (reader.ValueTextEquals("nonce"u8))
            {
                reader.Read();
                nonce = ReadString(ref reader, path, ".nonce", context);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                data = ReadJobData(ref reader, context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new JobDetails(
            RequireText(id, path, ".id", context),
            RequireText(nonce, path, ".nonce", context),
            data ?? throw context.Missing(path + ".data"));
    }

    private static JobData? ReadJobData(ref Utf8JsonReader reader, in ParseContext context)
    {
        const string path = "$.jobDetails.data";
        if (IsNull(ref reader, path, context))
        {
            return null;
        }

        ActionTypeId? actionTypeId = null;
        var configuration = ActionConfiguration.Empty;
        PipelineContext? pipelineContext = null;
        IReadOnlyList<Artifact> inputs = [], outputs = [];
        SessionCredentials? credentials = null;
        string? continuationToken = null;
        EncryptionKey? encryptionKey = null;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("actionTypeId"u8))
            {
                reader.Read();
                actionTypeId = ReadActionTypeId(ref reader, path + ".actionTypeId", context);
            }
            else if (reader.ValueTextEquals("actionConfiguration"u8))
            {
                reader.Read();
                configuration = ReadActionConfiguration(ref reader, path + ".actionConfiguration", context);
            }
            else if (reader.ValueTextEquals("pipelineContext"u8))
            {
                reader.Read();
                pipelineContext = ReadPipelineContext(ref reader, path + ".pipelineContext", context);
            }
            else if (reader.ValueTextEquals("inputArtifacts"u8))
            {
                reader.Read();
                inputs = ReadList(ref reader, path + ".inputArtifacts", context, ReadArtifact);
            }
            else if (reader.ValueTextEquals("outputArtifacts"u8))
            {
                reader.Read();
                outputs = ReadList(ref reader, path + ".outputArtifacts", context, ReadArtifact);
            }
            else if (reader.ValueTextEquals("artifactCredentials"u8))
            {
                reader.Read();
                credentials = ReadCredentials(ref reader, path + ".artifactCredentials", context);
            }
            else if (reader.ValueTextEquals("continuationToken"u8))
            {
                reader.Read();
                continuationToken = ReadString(ref reader, path, ".continuationToken", context);
            }
            else if (reader.ValueTextEquals("encryptionKey"u8))
            {
                reader.Read();
                encryptionKey = ReadEncryptionKey(ref reader, path + ".encryptionKey", context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new JobData(actionTypeId, configuration, pipelineContext, inputs, outputs, credentials, continuationToken, encryptionKey);
    }

    private static ActionTypeId? ReadActionTypeId(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (IsNull(ref reader, path, context))
        {
            return null;
        }

        string? category = null, owner = null, provider = null, version = null;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("category"u8))
            {
                reader.Read();
                category = ReadString(ref reader, path, ".category", context);
            }
            else if (reader.ValueTextEquals("owner"u8))
            {
                reader.Read();
                owner = ReadString(ref reader, path, ".owner", context);
            }
            else if (reader.ValueTextEquals("provider"u8))
            {
                reader.Read();
                provider = ReadString(ref reader, path, ".provider", context);
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                version = ReadString(ref reader, path, ".version", context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new ActionTypeId(
            ActionCategory.FromValue(RequireText(category, path, ".category", context)),
            ActionOwner.FromValue(RequireText(owner, path, ".owner", context)),
            RequireText(provider, path, ".provider", context),
            RequireText(version, path, ".version", context));
    }

    private static ActionConfiguration ReadActionConfiguration(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (IsNull(ref reader, path, context))
        {
            return ActionConfiguration.Empty;
        }

        var configuration = ActionConfiguration.Empty;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("configuration"u8))
            {
                reader.Read();
                configuration = ReadConfigurationMap(ref reader, path + ".configuration", context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return configuration;
    }

    private static ActionConfiguration ReadConfigurationMap(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (IsNull(ref reader, path, context))
        {
            return ActionConfiguration.Empty;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, path, context))
        {
            var key = GetText(ref reader, path, ".<key>", context);
            reader.Read();
            // The value is secret: errors name the key's path, never the value.
            var value = ReadString(ref reader, path, ".<value>", context) ?? throw context.Malformed($"A configuration value at {path} is null.");
            if (!values.TryAdd(key, value))
            {
                throw context.Malformed($"The configuration at {path} has a duplicate key.");
            }
        }

        return ActionConfiguration.FromTrustedDictionary(values);
    }

    private static PipelineContext? ReadPipelineContext(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (IsNull(ref reader, path, context))
        {
            return null;
        }

        string? pipelineName = null, stageName = null, actionName = null, actionExecutionId = null, pipelineArn = null, pipelineExecutionId = null;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("pipelineName"u8))
            {
                reader.Read();
                pipelineName = ReadString(ref reader, path, ".pipelineName", context);
            }
            else if (reader.ValueTextEquals("stage"u8))
            {
                reader.Read();
                var stagePath = path + ".stage";
                if (!IsNull(ref reader, stagePath, context))
                {
                    while (NextProperty(ref reader, stagePath, context))
                    {
                        if (reader.ValueTextEquals("name"u8))
                        {
                            reader.Read();
                            stageName = ReadString(ref reader, path, ".stage.name", context);
                        }
                        else
                        {
                            SkipValue(ref reader);
                        }
                    }
                }
            }
            else if (reader.ValueTextEquals("action"u8))
            {
                reader.Read();
                var actionPath = path + ".action";
                if (!IsNull(ref reader, actionPath, context))
                {
                    while (NextProperty(ref reader, actionPath, context))
                    {
                        if (reader.ValueTextEquals("name"u8))
                        {
                            reader.Read();
                            actionName = ReadString(ref reader, path, ".action.name", context);
                        }
                        else if (reader.ValueTextEquals("actionExecutionId"u8))
                        {
                            reader.Read();
                            actionExecutionId = ReadString(ref reader, path, ".action.actionExecutionId", context);
                        }
                        else
                        {
                            SkipValue(ref reader);
                        }
                    }
                }
            }
            else if (reader.ValueTextEquals("pipelineArn"u8))
            {
                reader.Read();
                pipelineArn = ReadString(ref reader, path, ".pipelineArn", context);
            }
            else if (reader.ValueTextEquals("pipelineExecutionId"u8))
            {
                reader.Read();
                pipelineExecutionId = ReadString(ref reader, path, ".pipelineExecutionId", context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new PipelineContext(pipelineName, stageName, actionName, actionExecutionId, pipelineArn, pipelineExecutionId);
    }

    private static Artifact ReadArtifact(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        ExpectObject(ref reader, path, context);
        string? name = null, revision = null;
        ArtifactLocation? location = null;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                name = ReadString(ref reader, path, ".name", context);
            }
            else if (reader.ValueTextEquals("revision"u8))
            {
                reader.Read();
                revision = ReadString(ref reader, path, ".revision", context);
            }
            else if (reader.ValueTextEquals("location"u8))
            {
                reader.Read();
                location = ReadArtifactLocation(ref reader, path + ".location", context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new Artifact(name, revision, location);
    }

    private static ArtifactLocation? ReadArtifactLocation(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (IsNull(ref reader, path, context))
        {
            return null;
        }

        string? type = null;
        S3ArtifactLocation? s3 = null;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = ReadString(ref reader, path, ".type", context);
            }
            else if (reader.ValueTextEquals("s3Location"u8))
            {
                reader.Read();
                s3 = ReadS3Location(ref reader, path + ".s3Location", context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new ArtifactLocation(type is null ? null : ArtifactLocationType.FromValue(RequireText(type, path, ".type", context)), s3);
    }

    private static S3ArtifactLocation? ReadS3Location(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (IsNull(ref reader, path, context))
        {
            return null;
        }

        string? bucket = null, key = null;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("bucketName"u8))
            {
                reader.Read();
                bucket = ReadString(ref reader, path, ".bucketName", context);
            }
            else if (reader.ValueTextEquals("objectKey"u8))
            {
                reader.Read();
                key = ReadString(ref reader, path, ".objectKey", context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new S3ArtifactLocation(RequireText(bucket, path, ".bucketName", context), RequireText(key, path, ".objectKey", context));
    }

    private static SessionCredentials? ReadCredentials(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (IsNull(ref reader, path, context))
        {
            return null;
        }

        string? accessKeyId = null, secretAccessKey = null, sessionToken = null;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("accessKeyId"u8))
            {
                reader.Read();
                accessKeyId = ReadString(ref reader, path, ".accessKeyId", context);
            }
            else if (reader.ValueTextEquals("secretAccessKey"u8))
            {
                reader.Read();
                secretAccessKey = ReadString(ref reader, path, ".secretAccessKey", context);
            }
            else if (reader.ValueTextEquals("sessionToken"u8))
            {
                reader.Read();
                sessionToken = ReadString(ref reader, path, ".sessionToken", context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new SessionCredentials(
            RequireText(accessKeyId, path, ".accessKeyId", context),
            RequireText(secretAccessKey, path, ".secretAccessKey", context),
            RequireText(sessionToken, path, ".sessionToken", context));
    }

    private static EncryptionKey? ReadEncryptionKey(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (IsNull(ref reader, path, context))
        {
            return null;
        }

        string? id = null, type = null;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = ReadString(ref reader, path, ".id", context);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = ReadString(ref reader, path, ".type", context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new EncryptionKey(RequireText(id, path, ".id", context), EncryptionKeyType.FromValue(RequireText(type, path, ".type", context)));
    }

    private static ThirdPartyJob ReadThirdPartyJob(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        ExpectObject(ref reader, path, context);
        string? clientId = null, jobId = null;
        while (NextProperty(ref reader, path, context))
        {
            if (reader.ValueTextEquals("clientId"u8))
            {
                reader.Read();
                clientId = ReadString(ref reader, path, ".clientId", context);
            }
            else if (reader.ValueTextEquals("jobId"u8))
            {
                reader.Read();
                jobId = ReadString(ref reader, path, ".jobId", context);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new ThirdPartyJob(RequireText(clientId, path, ".clientId", context), RequireText(jobId, path, ".jobId", context));
    }

    private delegate T ElementReader<out T>(ref Utf8JsonReader reader, string path, in ParseContext context);

    private static ReadOnlyCollection<T> ReadList<T>(ref Utf8JsonReader reader, string path, in ParseContext context, ElementReader<T> readElement)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return ReadOnlyCollection<T>.Empty;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw context.WrongType(path, "an array", reader.TokenType);
        }

        var items = new List<T>();
        var elementPath = path + "[]";
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readElement(ref reader, elementPath, context));
        }

        return items.AsReadOnly();
    }

    private static Utf8JsonReader Start(ReadOnlySpan<byte> body, in ParseContext context)
    {
        if (body.IsEmpty)
        {
            throw context.Malformed("The response body is empty.");
        }

        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                throw context.Malformed("The response body holds no JSON value.");
            }
        }
        catch (JsonException error)
        {
            throw context.InvalidJson(error);
        }

        ExpectObject(ref reader, "$", context);
        return reader;
    }

    private static void Finish(ref Utf8JsonReader reader, in ParseContext context)
    {
        // Anything after the top-level object (other than white space) makes the reader throw, which the caller maps.
        if (reader.Read())
        {
            throw context.Malformed("The response body has content after its JSON object.");
        }
    }

    /// <summary>Advances to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (!reader.Read())
        {
            throw context.Malformed($"The response ends inside {path}.");
        }

        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw context.WrongType(path, "a property", reader.TokenType),
        };
    }

    private static void ExpectObject(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw context.WrongType(path, "an object", reader.TokenType);
        }
    }

    /// <summary>True for a JSON null (an absent optional object); otherwise requires an object start.</summary>
    private static bool IsNull(ref Utf8JsonReader reader, string path, in ParseContext context)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        ExpectObject(ref reader, path, context);
        return false;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string path, in ParseContext context) =>
        ReadString(ref reader, path, member: "", context);

    // The path is parent + member, joined only when reporting an error: a success allocates no path strings.
    private static string? ReadString(ref Utf8JsonReader reader, string path, string member, in ParseContext context) =>
        reader.TokenType switch
        {
            JsonTokenType.String => GetText(ref reader, path, member, context),
            JsonTokenType.Null => null,
            _ => throw context.WrongType(path + member, "a string", reader.TokenType),
        };

    // Utf8JsonReader.Read accepts invalid UTF-8 and lone surrogate escapes (\ud800) inside strings;
    // GetString then throws InvalidOperationException, not JsonException.
    private static string GetText(ref Utf8JsonReader reader, string path, string member, in ParseContext context)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw context.InvalidText(path + member);
        }
    }

    private static string RequireText(string? value, string path, in ParseContext context) =>
        RequireText(value, path, member: "", context);

    private static string RequireText(string? value, string path, string member, in ParseContext context) =>
        string.IsNullOrWhiteSpace(value) ? throw context.Missing(path + member) : value;

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }
}
