using System.Diagnostics;

namespace ThirdPartyJobs.Reliability.Tests.Secrets;

/// <summary>The sample's console output (offline mode) never shows the demo jobs' secret configuration value.</summary>
public sealed class SampleOutputLeakTests
{
    private const string Canary = "CANARY-SAMPLE-API-KEY-5e0c2b7d";

    [Test]
    public async Task The_offline_sample_runs_and_its_output_never_shows_the_secret_configuration_value()
    {
        var sample = LocateSample();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { sample, "--no-s3" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(sample)!,
        };
        start.Environment["THIRDPARTYJOBS_SAMPLE_API_KEY"] = Canary;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var name in new[] { "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await errors;

        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.Zero, text);
            Assert.That(text, Does.Contain("ApiKey = ***"), "the job tree was printed");
            Assert.That(text, Does.Contain("Worker statistics"), "the worker demo ran");
            Assert.That(text, Does.Not.Contain(Canary), "the secret configuration value leaked into the sample's output");
            Assert.That(text, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    // The sample is built with the solution; find its assembly for the configuration these tests were built in.
    private static string LocateSample()
    {
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = baseDirectory.Name;
        var configuration = baseDirectory.Parent!.Name;
        for (var directory = baseDirectory; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ThirdPartyJobs.sln")))
            {
                var path = Path.Combine(directory.FullName, "samples", "ThirdPartyJobs.Sample", "bin", configuration, framework, "ThirdPartyJobs.Sample.dll");
                Assert.That(File.Exists(path), Is.True, $"the sample is not built at {path}");
                return path;
            }
        }

        throw new InvalidOperationException("The repository root (ThirdPartyJobs.sln) was not found above " + AppContext.BaseDirectory);
    }
}
