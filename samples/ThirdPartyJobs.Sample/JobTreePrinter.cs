namespace ThirdPartyJobs.Sample;

/// <summary>Prints a job as a tree. Secrets stay redacted: only keys, key prefixes and *** are shown.</summary>
internal static class JobTreePrinter
{
    public static void Print(JobDetails? job, TextWriter output)
    {
        // The client returns what CodePipeline sent: members it left out are null.
        if (job?.Data is not { } data)
        {
            output.WriteLine("CodePipeline sent no job details.");
            return;
        }

        output.WriteLine($"Job {job.Id}");
        Line(output, "Nonce", job.Nonce ?? "(none)");
        Line(output, "Action type", data.ActionTypeId is { } type ? $"{type.Category} / {type.Owner} / {type.Provider} / v{type.Version}" : "(none)");
        if (data.PipelineContext is { } context)
        {
            Line(output, "Pipeline", $"{context.PipelineName} › stage {context.StageName} › action {context.ActionName}");
            if (context.ActionExecutionId is not null)
            {
                Line(output, "Action execution", context.ActionExecutionId);
            }
        }

        Line(output, $"Configuration ({data.Configuration.Keys.Count})", string.Empty);
        foreach (var name in data.Configuration.Keys.Order(StringComparer.Ordinal))
        {
            output.WriteLine($"│    {name} = ***");
        }

        Artifacts(output, "Input artifacts", data.InputArtifacts);
        Artifacts(output, "Output artifacts", data.OutputArtifacts);
        Line(output, "Artifact credentials", data.ArtifactCredentials?.ToString() ?? "(none)");
        Line(output, "Encryption key", data.EncryptionKey is { } key ? $"{key.Type} {key.Id}" : "(none: AWS-managed key)");
        output.WriteLine($"└─ Continuation token: {data.ContinuationToken ?? "(none)"}");
    }

    private static void Line(TextWriter output, string label, string value) =>
        output.WriteLine(value.Length == 0 ? $"├─ {label}" : $"├─ {label}: {value}");

    private static void Artifacts(TextWriter output, string label, IReadOnlyList<Artifact> artifacts)
    {
        Line(output, $"{label} ({artifacts.Count})", string.Empty);
        foreach (var artifact in artifacts)
        {
            var location = artifact.S3Location is { } s3 ? $"s3://{s3.BucketName}/{s3.ObjectKey}" : "(no location)";
            var revision = artifact.Revision is null ? string.Empty : $" @ {artifact.Revision}";
            output.WriteLine($"│    {artifact.Name}: {location}{revision}");
        }
    }
}
