using SweepGrid.Bench;

return args.FirstOrDefault() switch
{
    "train" => TrainingBenchmark.Run(args[1..]),
    "eval" => EvaluationBenchmark.Run(args[1..]),
    "orchestration" => OrchestrationBenchmark.Run(args[1..]),
    "profile" => StepProfile.Run(args[1..]),
    "cluster" => ClusterBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SweepGrid.Bench train [--data DIR] [--models mlp,lenet] [--threads N] [--batch-size N] [--limit N] [--seed N]");
    Console.Error.WriteLine("       SweepGrid.Bench eval [--data DIR] [--weights FILE] [--train]");
    Console.Error.WriteLine("       SweepGrid.Bench profile [--data DIR] [--model mlp|lenet]");
    Console.Error.WriteLine("       SweepGrid.Bench orchestration [--trials N] [--restart-trials N] [--slots N] [--completed-before-restart N]");
    Console.Error.WriteLine("       SweepGrid.Bench cluster --postgres CONNECTION [--trials N]");
    return 2;
}
