namespace Stow.Cell.Hosting;

/// <summary>
/// The cell configuration (section <c>Cell</c>), layered from the embedded default
/// (<c>config/cell.sim.json</c>), a <c>--config</c> file, environment variables (<c>STOWCELL_Cell__Items=30</c>)
/// and command-line options. SI units.
/// </summary>
public sealed class CellOptions
{
    /// <summary>Cell id used in MQTT topics and the journal.</summary>
    public string CellId { get; set; } = "sim-01";

    /// <summary>Seed of the whole run (world, perception noise, planner exploration, motion noise).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Items inducted in the shift.</summary>
    public int Items { get; set; } = 500;

    /// <summary>Catalogue: arc2017, olist, mixed or a file path.</summary>
    public string Catalog { get; set; } = "mixed";

    /// <summary>Data root (null: STOWCELL_DATA, else ../shared/data).</summary>
    public string? DataDir { get; set; }

    /// <summary>Pod type name (config/pods).</summary>
    public string PodType { get; set; } = "fabric-40";

    /// <summary>
    /// Older single-knob arrival fill: when set, pods arrive holding inventory uniform in [0, max] of their volume; when
    /// null (the default), the simulator's <c>Sim:Arrival</c> distribution applies (docs/sim-outcome-model.md: each bin
    /// filled to a target uniform in [0.20, 0.67], pods as they come back from the floor).
    /// </summary>
    public double? ArrivalFillMax { get; set; }

    /// <summary>
    /// The <c>Sim:</c> keys of the layered configuration (the simulated world's constants, <c>docs/sim-outcome-model.md</c>),
    /// flattened as <c>Sim:Outcome:BandDefect</c> = value; read only by a simulator backend. Empty for the default world.
    /// </summary>
    public Dictionary<string, string?> Sim { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Folder of run reports; each run gets a sub-folder.</summary>
    public string Reports { get; set; } = "runs";

    /// <summary>
    /// Backend plugin that provides the shift's devices, by assembly name: loaded from <c>plugins/&lt;name&gt;/</c> next
    /// to stowcell.dll (<see cref="Backends.CellBackendLoader"/>). <c>Stow.Sim.Cell</c> is the simulator; <c>hal</c> is the backend built into the cell (every device through its driver, no plugin).
    /// </summary>
    public string Backend { get; set; } = "Stow.Sim.Cell";

    /// <summary>
    /// Endpoint overrides of the hardware section, <c>COMPONENT.PARAM</c> → value (e.g. <c>eoat.device</c> →
    /// <c>/tmp/x/eoat.tty</c>, <c>arm.rtdePort</c> → <c>40004</c>): <c>stowcell run --endpoint COMPONENT.PARAM=VALUE</c>.
    /// Used by the built-in HAL backend (<c>hal</c>). Default: none.
    /// </summary>
    public Dictionary<string, string?> Endpoints { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Perception settings.</summary>
    public PerceptionSection Perception { get; set; } = new();

    /// <summary>Planning settings.</summary>
    public PlanningSection Planning { get; set; } = new();

    /// <summary>Shift settings.</summary>
    public Shift.ShiftOptions Shift { get; set; } = new();

    /// <summary>Motion settings.</summary>
    public MotionSection Motion { get; set; } = new();

    /// <summary>MQTT settings.</summary>
    public MqttSection Mqtt { get; set; } = new();

    /// <summary>Operator HMI settings.</summary>
    public Hmi.HmiOptions Hmi { get; set; } = new();

    /// <summary>Perception: <c>onnx</c> (models on rendered frames) or <c>groundtruth</c> (bypass).</summary>
    public sealed class PerceptionSection
    {
        /// <summary><c>onnx</c> or <c>groundtruth</c>.</summary>
        public PerceptionMode Mode { get; set; } = PerceptionMode.Onnx;

        /// <summary>Execution provider: <c>cpu</c> or <c>cuda</c>.</summary>
        public string Provider { get; set; } = "cpu";

        /// <summary>CUDA device id.</summary>
        public int DeviceId { get; set; }

        /// <summary>Cap the learned free-depth map by the geometric one from the observed depth (<c>PodSpacePipeline.GeometricBound</c>). Default true.</summary>
        public bool GeometricBound { get; set; } = true;

        /// <summary>Face cameras on the tower, 1..8 (each bin is seen by the one nearest its height). Default 3.</summary>
        public int Cameras { get; set; } = 3;

        /// <summary>ONNX Runtime intra-op threads (0 = ORT default).</summary>
        public int IntraOpThreads { get; set; } = 1;

        /// <summary>ONNX Runtime graph optimisation level: <c>none</c>, <c>basic</c>, <c>extended</c>, <c>layout</c> or <c>all</c> (default).</summary>
        public string GraphOptimization { get; set; } = "all";

        /// <summary>
        /// Safety margin subtracted from predicted free depths [m] before planning: the space model's
        /// free-depth MAE on validation seeds (models/training-metrics.json), rounded up.
        /// </summary>
        public double DepthMargin { get; set; } = 0.04;

        /// <summary>Folder with band.onnx and space.onnx (relative to the repository root).</summary>
        public string Models { get; set; } = "models";
    }

    /// <summary>Planning: success model and decision rule.</summary>
    public sealed class PlanningSection
    {
        /// <summary><c>prior</c> or <c>learned</c> (models/risk.json).</summary>
        public SuccessModelKind Model { get; set; } = SuccessModelKind.Prior;

        /// <summary>Ask for a pod swap when the best P is below this.</summary>
        public double SwapThreshold { get; set; } = 0.96;

        /// <summary>Never pick a candidate below this P.</summary>
        public double Floor { get; set; } = 0.92;

        /// <summary>Probability of a non-greedy, safe exploration pick (≤ 0.05).</summary>
        public double ExplorationRate { get; set; } = 0.02;

        /// <summary>Extra depth margin [m] at zero perception confidence, scaled by (1 − confidence) (<c>FitOptions.DepthUncertaintyMargin</c>).</summary>
        public double DepthUncertaintyMargin { get; set; }

        /// <summary>
        /// Item-relative swap rule's slack (see <c>PlannerOptions.SwapSlack</c>). The planner also weighs the swap time
        /// (<c>Cell:Shift:PodSwapSeconds</c>) as a drop in P, which at 15 s already brings the stow threshold down to the
        /// floor; only with a swap time of 0 and a slack of 0 does the plain <c>SwapThreshold</c> apply.
        /// </summary>
        public double SwapSlack { get; set; }

        /// <summary>
        /// Least share of the recently arrived pods an item must have room on (P ≥ floor) to keep its buffer slot when the
        /// pod at the station offers the buffer nothing (<c>PodReachRouter</c>); 0 turns the routing off.
        /// </summary>
        public double MinPodReach { get; set; }

        /// <summary>Arrived pods the reach is measured over (<c>PodReachRouter.MemoryPods</c>).</summary>
        public int ReachPods { get; set; } = 20;

        /// <summary>Prefer the overhead rows (the ones people reach with ladders).</summary>
        public bool PreferOverheadRows { get; set; }
    }

    /// <summary>Motion: the arm simulator through the control loop, or timed stand-in.</summary>
    public sealed class MotionSection
    {
        /// <summary><c>arm</c> (control loop on the simulated hardware) or <c>timed</c>.</summary>
        public MotionMode Mode { get; set; } = MotionMode.Arm;

        /// <summary>Control-loop rate [Hz], 500-1000.</summary>
        public int RateHz { get; set; } = 500;

        /// <summary>Inject a belt jam on this stow (1-based), 0 = none.</summary>
        public int BeltJamAtStow { get; set; }

        /// <summary>Press the e-stop as this stow starts (1-based), 0 = none.</summary>
        public int EStopAtStow { get; set; }

        /// <summary>Stop the host's heartbeat to the safety controller as this stow starts (1-based), 0 = none.</summary>
        public int HeartbeatLossAtStow { get; set; }

        /// <summary>
        /// Live-sim hardware: path (relative to the repository root) of a cell configuration whose <c>hardware</c>
        /// section has <c>modbus.*</c> components (<c>config/cell.live-sim.json</c>); the arm motion then runs on the
        /// real Modbus drivers over socat ptys to emulators. Empty (default): simulated hardware only.
        /// </summary>
        public string? Hardware { get; set; }
    }

    /// <summary>MQTT broker and credentials.</summary>
    public sealed class MqttSection
    {
        /// <summary><c>start</c> (a broker for the run on a free loopback port) or <c>external</c>.</summary>
        public MqttBrokerMode Broker { get; set; } = MqttBrokerMode.Start;

        /// <summary>Broker host (external).</summary>
        public string Host { get; set; } = "127.0.0.1";

        /// <summary>Broker port (external).</summary>
        public int Port { get; set; } = 1883;

        /// <summary>Username, or null.</summary>
        public string? Username { get; set; }

        /// <summary>Password, or null.</summary>
        public string? Password { get; set; }

        /// <summary>Start the simulated operator client.</summary>
        public bool SimulatedOperator { get; set; } = true;

        /// <summary>Connect to the (external) broker over TLS.</summary>
        public bool UseTls { get; set; }

        /// <summary>PEM file of the CA that signed the broker's certificate (with <see cref="UseTls"/>); null: the system's trust store.</summary>
        public string? CaFile { get; set; }
    }
}
