using SweepGrid.Cli;

return await CliApplication.RunAsync(args).ConfigureAwait(false);
