using System.Diagnostics;
using System.Text.Json;

namespace ThirdPartyJobs.Testing.Tests;

/// <summary>
/// Runs AWS's own Python SDK (botocore) against the emulator, when the machine has it: an official SigV4 signer
/// and JSON 1.1 parser, independent of everything in this repository. Ignored where python3 or botocore is missing.
/// </summary>
public sealed class BotocoreInteropTests
{
    // Both scripts connect the same way: the emulator's URL and key first on the command line, then their own arguments.
    private const string ClientSetup = """
        import json, sys, datetime
        import botocore.session
        url, key, secret = sys.argv[1:4]
        client = botocore.session.get_session().create_client(
            'codepipeline', region_name='us-east-1', endpoint_url=url,
            aws_access_key_id=key, aws_secret_access_key=secret)
        out = {}

        """;

    private const string Script = ClientSetup + """
        token, job_id = sys.argv[4:6]
        action_type = {'category': 'Build', 'owner': 'ThirdParty', 'provider': 'BotoProvider', 'version': '1'}
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

    private const string CustomScript = ClientSetup + """
        succeed_id, fail_id = sys.argv[4:6]
        action_type = {'category': 'Build', 'owner': 'Custom', 'provider': 'BotoCustom', 'version': '1'}
        jobs = client.poll_for_jobs(actionTypeId=action_type, maxBatchSize=5, queryParam={'Project': 'boto'})['jobs']
        out['polled'] = [{'id': j['id'], 'accountId': j['accountId'], 'hasNonce': bool(j['nonce']),
                          'project': j['data']['actionConfiguration']['configuration']['Project']} for j in jobs]
        nonces = {j['id']: j['nonce'] for j in jobs}
        out['status'] = client.acknowledge_job(jobId=succeed_id, nonce=nonces[succeed_id])['status']
        client.acknowledge_job(jobId=fail_id, nonce=nonces[fail_id])
        details = client.get_job_details(jobId=succeed_id)['jobDetails']
        out['detailsAccountId'] = details['accountId']
        out['detailsHasNonce'] = 'nonce' in details
        client.put_job_success_result(
            jobId=succeed_id, executionDetails={'summary': 'built', 'percentComplete': 100},
            outputVariables={'ImageTag': 'v7', 'Commit@Id': 'abc'})
        client.put_job_failure_result(jobId=fail_id, failureDetails={'type': 'JobFailed', 'message': 'broken'})
        try:
            client.get_job_details(jobId='00000000-0000-0000-0000-000000000000')
        except client.exceptions.JobNotFoundException as e:
            out['error'] = e.response['Error']['Code']
        try:
            client.put_job_success_result(jobId=succeed_id, outputVariables={'A': 'b'}, continuationToken='t')
        except client.exceptions.ValidationException as e:
            out['validation'] = e.response['Error']['Code']
        print(json.dumps(out))
        """;

    [TestCase(ErrorCodeStyle.TypeField)]
    [TestCase(ErrorCodeStyle.NamespacedTypeField)]
    public async Task Botocore_runs_the_custom_action_lifecycle_against_the_emulator(ErrorCodeStyle style)
    {
        var python = Python.Value ?? IgnoreWithoutPython();
        await using var emulator = await CodePipelineEmulator.StartAsync(new CodePipelineEmulatorOptions { ErrorCodeStyle = style, AccountId = "210987654321" });
        var actionType = emulator.RegisterActionType("Build", "Custom", "BotoCustom", "1", queryableProperty: "Project");
        var succeedId = emulator.CreateJob(actionType, new JobSpec { Configuration = { ["Project"] = "boto" } });
        emulator.CreateJob(actionType, new JobSpec { Configuration = { ["Project"] = "other" } });
        var failId = emulator.CreateJob(actionType, new JobSpec { Configuration = { ["Project"] = "boto" } });
        var scriptPath = Path.Combine(Path.GetTempPath(), $"emulator-botocore-custom-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(scriptPath, CustomScript);
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync(python, scriptPath, emulator.ServiceUrl, emulator.Credential.AccessKeyId, emulator.Credential.SecretAccessKey, succeedId, failId);
            Assert.That(exitCode, Is.Zero, stderr);
            var output = JsonDocument.Parse(stdout).RootElement;

            var polled = output.GetProperty("polled").EnumerateArray().ToList();
            var results = emulator.Results;
            Assert.Multiple(() =>
            {
                Assert.That(polled.Select(j => j.GetProperty("id").GetString()), Is.EqualTo(new[] { succeedId, failId }), "queryParam filtered the other project out");
                Assert.That(polled.Select(j => j.GetProperty("accountId").GetString()), Is.All.EqualTo("210987654321"));
                Assert.That(polled.Select(j => j.GetProperty("hasNonce").GetBoolean()), Is.All.True);
                Assert.That(polled.Select(j => j.GetProperty("project").GetString()), Is.All.EqualTo("boto"));
                Assert.That(output.GetProperty("status").GetString(), Is.EqualTo("InProgress"));
                Assert.That(output.GetProperty("detailsAccountId").GetString(), Is.EqualTo("210987654321"));
                Assert.That(output.GetProperty("detailsHasNonce").GetBoolean(), Is.False);
                Assert.That(output.GetProperty("error").GetString(), Is.EqualTo("JobNotFoundException"));
                Assert.That(output.GetProperty("validation").GetString(), Is.EqualTo("ValidationException"));
                Assert.That(results.Select(r => (r.JobId, r.Succeeded)), Is.EqualTo(new[] { (succeedId, true), (failId, false) }));
                Assert.That(results[0].OutputVariables, Is.EqualTo(new Dictionary<string, string> { ["ImageTag"] = "v7", ["Commit@Id"] = "abc" }));
                Assert.That((results[0].Summary, results[0].ExternalExecutionId, results[0].PercentComplete), Is.EqualTo(("built", (string?)null, (int?)100)));
                Assert.That((results[1].FailureType, results[1].FailureMessage, results[1].ExternalExecutionId), Is.EqualTo(("JobFailed", "broken", (string?)null)));
            });
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }

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
            var (exitCode, stdout, stderr) = await RunAsync(python, scriptPath, emulator.ServiceUrl, emulator.Credential.AccessKeyId, emulator.Credential.SecretAccessKey, actionType.ClientToken, jobId);
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
                Assert.That(result.RevisionCreated, Is.EqualTo(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));
                Assert.That((result.Summary, result.ExternalExecutionId, result.PercentComplete), Is.EqualTo(("done", (string?)null, (int?)100)));
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
