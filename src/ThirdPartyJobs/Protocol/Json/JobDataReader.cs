namespace ThirdPartyJobs.Protocol.Json;

/// <summary>The readers of <c>JobData</c> and the shapes inside it (shared by third-party and custom jobs).</summary>
internal static partial class ResponseParser
{
    private static readonly MemberNames JobDataShape = new(
        "actionTypeId", "actionConfiguration", "pipelineContext", "inputArtifacts", "outputArtifacts", "artifactCredentials", "continuationToken", "encryptionKey");

    private static readonly MemberNames ActionTypeIdShape = new("category", "owner", "provider", "version");
    private static readonly MemberNames ActionConfigurationShape = new("configuration");
    private static readonly MemberNames PipelineContextShape = new("pipelineName", "stage", "action", "pipelineArn", "pipelineExecutionId");
    private static readonly MemberNames StageShape = new("name");
    private static readonly MemberNames ActionShape = new("name", "actionExecutionId");
    private static readonly MemberNames ArtifactShape = new("name", "revision", "location");
    private static readonly MemberNames LocationShape = new("type", "s3Location");
    private static readonly MemberNames S3LocationShape = new("bucketName", "objectKey");
    private static readonly MemberNames CredentialsShape = new("accessKeyId", "secretAccessKey", "sessionToken");
    private static readonly MemberNames EncryptionKeyShape = new("id", "type");

    internal static JobData ReadJobData(ref JsonCursor cursor)
    {
        ActionTypeId? actionTypeId = null;
        Dictionary<string, string>? configuration = null;
        PipelineContext? pipelineContext = null;
        IReadOnlyList<Artifact> inputs = [], outputs = [];
        SessionCredentials? credentials = null;
        string? continuationToken = null;
        EncryptionKey? encryptionKey = null;
        while (cursor.Next(JobDataShape, out var member))
        {
            switch (member)
            {
                case 0: actionTypeId = cursor.Object(ReadActionTypeId); break;
                case 1: configuration = cursor.Object(ReadActionConfiguration)?.Values; break;
                case 2: pipelineContext = cursor.Object(ReadPipelineContext); break;
                case 3: inputs = cursor.List(ReadArtifact); break;
                case 4: outputs = cursor.List(ReadArtifact); break;
                case 5: credentials = cursor.Object(ReadCredentials); break;
                case 6: continuationToken = cursor.String(); break;
                default: encryptionKey = cursor.Object(ReadEncryptionKey); break;
            }
        }

        var config = configuration is null or { Count: 0 } ? ActionConfiguration.Empty : ActionConfiguration.FromTrustedDictionary(configuration);
        return new JobData(actionTypeId, config, pipelineContext, inputs, outputs, credentials, continuationToken, encryptionKey);
    }

    private static ActionTypeId ReadActionTypeId(ref JsonCursor cursor)
    {
        ActionCategory? category = null;
        ActionOwner? owner = null;
        string? provider = null, version = null;
        while (cursor.Next(ActionTypeIdShape, out var member))
        {
            switch (member)
            {
                case 0: category = cursor.Enum<ActionCategory>(); break;
                case 1: owner = cursor.Enum<ActionOwner>(); break;
                case 2: provider = cursor.String(); break;
                default: version = cursor.String(); break;
            }
        }

        return new ActionTypeId(category, owner, provider, version, fromService: true);
    }

    private static ConfigurationHolder ReadActionConfiguration(ref JsonCursor cursor)
    {
        Dictionary<string, string>? values = null;
        while (cursor.Next(ActionConfigurationShape, out _))
        {
            values = cursor.Map();
        }

        return new ConfigurationHolder(values);
    }

    private static PipelineContext ReadPipelineContext(ref JsonCursor cursor)
    {
        string? pipelineName = null, stageName = null, actionName = null, actionExecutionId = null, pipelineArn = null, pipelineExecutionId = null;
        while (cursor.Next(PipelineContextShape, out var member))
        {
            switch (member)
            {
                case 0: pipelineName = cursor.String(); break;
                case 1: stageName = cursor.Object(ReadStage)?[0]; break;
                case 2:
                    var action = cursor.Object(ReadAction);
                    (actionName, actionExecutionId) = (action?[0], action?[1]);
                    break;
                case 3: pipelineArn = cursor.String(); break;
                default: pipelineExecutionId = cursor.String(); break;
            }
        }

        return new PipelineContext(pipelineName, stageName, actionName, actionExecutionId, pipelineArn, pipelineExecutionId);
    }

    private static string?[] ReadStage(ref JsonCursor cursor) => ReadStrings(ref cursor, StageShape);

    private static string?[] ReadAction(ref JsonCursor cursor) => ReadStrings(ref cursor, ActionShape);

    private static Artifact ReadArtifact(ref JsonCursor cursor)
    {
        var values = ReadStrings(ref cursor, ArtifactShape, static (ref JsonCursor inner) => inner.Object(ReadLocation), out var location);
        return new Artifact(values[0], values[1], location?.Type, location?.S3Location);
    }

    private static Location ReadLocation(ref JsonCursor cursor)
    {
        ArtifactLocationType? type = null;
        S3ArtifactLocation? s3 = null;
        while (cursor.Next(LocationShape, out var member))
        {
            if (member == 0)
            {
                type = cursor.Enum<ArtifactLocationType>();
            }
            else
            {
                s3 = cursor.Object(ReadS3Location);
            }
        }

        return new Location(type, s3);
    }

    private static S3ArtifactLocation ReadS3Location(ref JsonCursor cursor)
    {
        var values = ReadStrings(ref cursor, S3LocationShape);
        return new S3ArtifactLocation(values[0], values[1]);
    }

    private static SessionCredentials ReadCredentials(ref JsonCursor cursor)
    {
        var values = ReadStrings(ref cursor, CredentialsShape);
        return new SessionCredentials(values[0], values[1], values[2]);
    }

    private static EncryptionKey ReadEncryptionKey(ref JsonCursor cursor)
    {
        var values = ReadStrings(ref cursor, EncryptionKeyShape, static (ref JsonCursor inner) => inner.Enum<EncryptionKeyType>(), out var type);
        return new EncryptionKey(values[0], type);
    }

    /// <summary>A structure of string members only, in the order of <paramref name="shape"/>.</summary>
    private static string?[] ReadStrings(ref JsonCursor cursor, MemberNames shape)
    {
        var values = new string?[shape.Names.Count];
        while (cursor.Next(shape, out var member))
        {
            values[member] = cursor.String();
        }

        return values;
    }

    /// <summary>A structure of string members but its last, which <paramref name="readLast"/> reads; in the order of <paramref name="shape"/>.</summary>
    private static string?[] ReadStrings<T>(ref JsonCursor cursor, MemberNames shape, JsonCursor.Reader<T?> readLast, out T? last)
        where T : class
    {
        var values = new string?[shape.Names.Count - 1];
        last = null;
        while (cursor.Next(shape, out var member))
        {
            if (member == values.Length)
            {
                last = readLast(ref cursor);
            }
            else
            {
                values[member] = cursor.String();
            }
        }

        return values;
    }

    // Lets the configuration map go through JsonCursor.Object (null and wrong-type handling) like any structure.
    private sealed record ConfigurationHolder(Dictionary<string, string>? Values);

    // The model's ArtifactLocation, which Artifact flattens.
    private sealed record Location(ArtifactLocationType? Type, S3ArtifactLocation? S3Location);
}
