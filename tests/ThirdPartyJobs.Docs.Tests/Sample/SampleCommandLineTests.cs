using System.Diagnostics;
using NUnit.Framework;

namespace ThirdPartyJobs.Docs.Tests.Sample;

/// <summary>
/// The first command a newcomer runs: the sample is offline unless real mode is asked for on the command line, its
/// command line says what is wrong (exit 2), and real mode fails with what to set (exit 1), never a stack trace.
/// </summary>
public sealed class SampleCommandLineTests
{
    private static readonly string[] AmbientAws = ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"];

    [Test]
    public async Task Help_prints_the_usage_and_the_exit_codes()
    {
        var run = await RunAsync(["--help"]);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Text);
            Assert.That(run.Output, Does.Contain("Usage:").And.Contain("--job-id").And.Contain("--worker").And.Contain("Exit codes"));
        });
    }

    [TestCase(new[] { "--bogus" }, "Unknown option '--bogus'.")]
    [TestCase(new[] { "--job-id" }, "--job-id needs a value")]
    [TestCase(new[] { "--job-id", "x" }, "--job-id and --client-token go together")]
    [TestCase(new[] { "--client-token=secret-token-value" }, "--job-id and --client-token go together")]
    [TestCase(new[] { "run" }, "Unexpected argument #1")]
    public async Task A_command_line_mistake_is_one_line_and_a_hint_with_exit_code_2(string[] args, string message)
    {
        var run = await RunAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Text);
            Assert.That(run.Errors.Trim().Split('\n'), Has.Length.EqualTo(2), run.Text);
            Assert.That(run.Errors, Does.StartWith(message).And.Contain("Run with --help for usage."));
            Assert.That(run.Text, Does.Not.Contain("secret-token-value"), "values are never echoed");
            Assert.That(run.Output, Is.Empty, "nothing ran");
        });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task With_AWS_settings_in_the_environment_the_first_command_still_runs_the_offline_demo(CancellationToken cancellationToken)
    {
        var run = await RunAsync(["--no-s3"], new() { ["AWS_REGION"] = "us-east-1", ["AWS_PROFILE"] = "dev", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9" }, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Text);
            Assert.That(run.Output, Does.Contain("Running offline").And.Contain("Worker demo"));
            Assert.That(run.Text, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [TestCase("AWS_REGION=us-east-1", "credentials")]
    [TestCase("AWS__Profile=nosuchprofile|AWS_REGION=us-east-1", "nosuchprofile")]
    [TestCase("AWS_REGION=us-east-1|AWS__ServiceURL=not-a-url", "ServiceURL")]
    [TestCase("AWS_REGION=us-east-1|AWS_ACCESS_KEY_ID=AKIDEXAMPLE|AWS_SECRET_ACCESS_KEY=example|ThirdPartyJobs__Retry__MaxAttempts=0", "MaxAttempts")]
    [TestCase("AWS_ACCESS_KEY_ID=AKIDEXAMPLE|AWS_SECRET_ACCESS_KEY=example", "AWS_REGION")]
    [TestCase("AWS_REGION=us-east-1|AWS_ACCESS_KEY_ID=AKIDEXAMPLE|AWS_SECRET_ACCESS_KEY=example|AWS__ServiceURL=http://127.0.0.1:9|ThirdPartyJobs__Retry__MaxAttempts=1", "ServiceUnavailableException")]
    public async Task A_real_mode_failure_is_two_lines_with_exit_code_1(string environment, string mentioned)
    {
        var variables = environment.Split('|').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => (string?)pair[1]);

        var run = await RunAsync(["--job-id", "11111111-2222-3333-4444-555555555555", "--client-token", "client-token-canary"], variables);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Text);
            Assert.That(run.Errors, Does.Contain(mentioned).IgnoreCase, run.Text);
            Assert.That(run.Errors.Trim().Split('\n'), Has.Length.EqualTo(2), run.Text);
            Assert.That(run.Text, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"), "no stack trace");
            Assert.That(run.Text, Does.Not.Contain("client-token-canary"), "the client token is never shown");
        });
    }

    [TestCase("", "Worker__Provider")]
    [TestCase("Worker__Provider=MyAction", "Worker__ClientTokens__")]
    public async Task The_worker_without_its_settings_says_what_to_set_in_two_lines(string environment, string mentioned)
    {
        var variables = new Dictionary<string, string?> { ["AWS_REGION"] = "us-east-1", ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "example" };
        foreach (var pair in environment.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)))
        {
            variables[pair[0]] = pair[1];
        }

        var run = await RunAsync(["--worker"], variables);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.Text);
            Assert.That(run.Errors, Does.Contain(mentioned));
            Assert.That(run.Errors.Trim().Split('\n'), Has.Length.EqualTo(2), run.Text);
            Assert.That(run.Text, Does.Not.Contain("   at ").And.Not.Contain("Hosting failed to start"), "no stack trace, no second report of the failure");
        });
    }

    private static async Task<SampleRun> RunAsync(string[] args, Dictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        var sample = RepositoryFiles.BuiltAssembly(Path.Combine("samples", "ThirdPartyJobs.Sample"), "ThirdPartyJobs.Sample.dll");
        Assert.That(File.Exists(sample), Is.True, $"the sample is not built at {sample}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(sample)!,
        };
        start.ArgumentList.Add(sample);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A machine with no AWS setup at all, then what the test adds.
        foreach (var name in AmbientAws)
        {
            start.Environment.Remove(name);
        }

        var nowhere = Path.Combine(Path.GetTempPath(), "tpj-docs-tests-no-aws", "missing");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = nowhere;
        start.Environment["AWS_CONFIG_FILE"] = nowhere;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new SampleRun(process.ExitCode, await output, await errors);
    }

    private sealed record SampleRun(int ExitCode, string Output, string Errors)
    {
        public string Text => $"exit {ExitCode}{Environment.NewLine}{Output}{Errors}";
    }
}
