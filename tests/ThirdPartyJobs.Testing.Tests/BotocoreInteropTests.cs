using System.Diagnostics;
using System.Text.Json;

namespace ThirdPartyJobs.Testing.Tests;

/// <summary>
/// Runs AWS's own Python SDK (botocore) against the emulator, when the machine has it: an official SigV4 signer
/// and JSON 1.1 parser, independent of everything in this repository. Ignored where python3 or botocore is missing.
/// </summary>
public sealed class BotocoreInteropTests
{
    private const string Script = """
        import json, sys, datetime
        import botocore.session
        url, key, secret, token, job_id = sys.argv[1:6]
        client = botocore.session.get_session().create_client(
            'codepipeline', region_name='us-east-1', endpoint_url=url,
            aws_access_key_id=key, aws_secret_access_key=secret)
        action_type = {'category': 'Build', 'owner': 'ThirdParty', 'provider': 'BotoProvider', 'version': '1'}
        out = {}
        out['jobs'] = client.poll_for_third_party_jobs(actionTypeId=action_type, maxBatchSize=5)['jobs']
        details = client.get_third_party_job_details(jobId=job_id, clientToken=token)['jobDetails']
        out['configuration'] = details['data']['actionConfiguration']['configuration']
        out['status'] = client.acknowledge_third_party_job(jobId=job_id, nonce=details['nonce'], clientToken=token)['status']
        client.put_third_party_job_success_result(
            jobId=job_id, clientToken=token,
            currentRevision={'revision': 'r1', 'changeIdentifier': 'c1',
                             'created': datetime.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=datetime.timezone.utc)},
            executionDetails={'summary': 'done', 'percentComplete': 100})
        try:
            client.get_third_party_job_details(jobId='no-such-job', clientToken=token)
        except client.exceptions.JobNotFoundException as e:
            out['error'] = e.response['Error']['Code']
            out['requestId'] = e.response['ResponseMetadata']['RequestId']
        print(json.dumps(out))
        """;

    [TestCase(ErrorCodeStyle.TypeField)]
    [TestCase(ErrorCodeStyle.NamespacedTypeField)]
    public async Task Botocore_runs_a_job_end_to_end_against_the_emulator(ErrorCodeStyle style)
    {
        var python = Python.Value ?? IgnoreWithoutPython();
        await using var emulator = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { ErrorCodeStyle = style });
        var actionType = emulator.RegisterActionType("Build", "ThirdParty", "BotoProvider", "1");
        var jobId = emulator.CreateJob(actionType, new JobSpec { Configuration = { ["Project"] = "boto" } });
        var scriptPath = Path.Combine(Path.GetTempPath(), $"emulator-botocore-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(scriptPath, Script);
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync(python, scriptPath, emulator.ServiceUrl, emulator.AccessKeyId, emulator.SecretAccessKey, actionType.ClientToken, jobId);
            Assert.That(exitCode, Is.Zero, stderr);
            var output = JsonDocument.Parse(stdout).RootElement;

            var result = emulator.Results.Single();
            Assert.Multiple(() =>
            {
                Assert.That(output.GetProperty("jobs")[0].GetProperty("jobId").GetString(), Is.EqualTo(jobId));
                Assert.That(output.GetProperty("jobs")[0].GetProperty("clientId").GetString(), Is.EqualTo(actionType.ClientId));
                Assert.That(output.GetProperty("configuration").GetProperty("Project").GetString(), Is.EqualTo("boto"));
                Assert.That(output.GetProperty("status").GetString(), Is.EqualTo("InProgress"));
                Assert.That(output.GetProperty("error").GetString(), Is.EqualTo("JobNotFoundException"));
                Assert.That(Guid.TryParse(output.GetProperty("requestId").GetString(), out _), Is.True);
                // botocore sends JSON timestamps as whole epoch seconds.
                Assert.That(result.CurrentRevision!.Created, Is.EqualTo(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));
                Assert.That(result.ExecutionDetails, Is.EqualTo(new ReportedExecutionDetails("done", null, 100)));
                Assert.That(emulator.GetJob(jobId).State, Is.EqualTo(EmulatedJobState.Succeeded));
            });
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }

    private static readonly Lazy<string?> Python = new(FindPythonWithBotocore);

    private static string IgnoreWithoutPython()
    {
        Assert.Ignore("No python3 with botocore on this machine.");
        return string.Empty;
    }

    private static string? FindPythonWithBotocore()
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(candidate, ["-c", "import botocore"])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                });
                if (process is not null && process.WaitForExit(30_000) && process.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed; try the next one.
            }
        }

        return null;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
