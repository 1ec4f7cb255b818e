namespace ThirdPartyJobs; internal static class Placeholder { }
