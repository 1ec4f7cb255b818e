Console.WriteLine("ThirdPartyJobs sample: coming with the local endpoint.");
