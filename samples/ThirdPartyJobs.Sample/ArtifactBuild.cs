using System.Globalization;
using ThirdPartyJobs.Artifacts;
using ThirdPartyJobs.Hosting;

namespace ThirdPartyJobs.Sample;

/// <summary>
/// The demo "build": downloads and safely extracts the job's first input artifact, counts its files and bytes, and
/// uploads a build summary as the job's first output artifact (SSE-KMS with the job's key), all with the job's own
/// credentials. Works in a temporary directory that is deleted afterwards.
/// </summary>
internal static class ArtifactBuild
{
    public static bool Applies(JobContext context) => context.Data.InputArtifacts.Count > 0 && context.Data.OutputArtifacts.Count > 0;

    public static async Task<BuildReport> RunAsync(IJobArtifacts artifacts, JobContext context, CancellationToken cancellationToken)
    {
        var input = artifacts.Inputs[0];
        var output = artifacts.Outputs[0];
        var work = Directory.CreateTempSubdirectory("tpj-sample-build-");
        try
        {
            var source = Path.Combine(work.FullName, "source");
            var extracted = await artifacts.DownloadInputAsync(input.Name!, source, cancellationToken);

            var files = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
                .Select(path => new FileInfo(path))
                .OrderBy(file => file.FullName, StringComparer.Ordinal)
                .ToList();
            var totalBytes = files.Sum(file => file.Length);
            var lines = files.Select(file => string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(source, file.FullName).Replace('\\', '/')}\t{file.Length}"))
                .Append(string.Create(CultureInfo.InvariantCulture, $"total\t{files.Count} files\t{totalBytes} bytes"));
            var build = Directory.CreateDirectory(Path.Combine(work.FullName, "build")).FullName;
            await File.WriteAllLinesAsync(Path.Combine(build, "build-summary.tsv"), lines, cancellationToken);

            var uploaded = await artifacts.UploadOutputAsync(output.Name!, build, cancellationToken);
            return new BuildReport(context.JobId, input, extracted, files.Count, totalBytes, uploaded, context.Data.EncryptionKey?.Id);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
