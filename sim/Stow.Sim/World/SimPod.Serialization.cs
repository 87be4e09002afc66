namespace Stow.Sim.World;

using System.Text.Json;

/// <summary>Deterministic serialisation of the pod's contents.</summary>
public sealed partial class SimPod
{
    /// <summary>
    /// The pod's contents as UTF-8 JSON: <c>{"pod","type","bins":[{"bin","items":[{"id","name","class","mass",
    /// "min":[x,y,z],"max":[x,y,z],"pose"}]}]}</c>, lengths in metres in the bin frame, masses in kilograms, bins and
    /// items in order, numbers in shortest round-trip form. The same world gives the same bytes.
    /// </summary>
    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("pod", PodId.Value);
            w.WriteString("type", PodType.Name);
            w.WriteStartArray("bins");
            foreach (var b in _bins)
            {
                w.WriteStartObject();
                w.WriteString("bin", b.Spec.Id.ToString());
                w.WriteStartArray("items");
                for (var i = 0; i < b.Count; i++)
                {
                    var p = b[i];
                    w.WriteStartObject();
                    w.WriteString("id", p.Item.Id.Value);
                    w.WriteString("name", p.Item.Name);
                    w.WriteString("class", p.Item.Class.ToString());
                    w.WriteNumber("mass", p.Item.Mass);
                    WriteVec(w, "min", p.Box.Min);
                    WriteVec(w, "max", p.Box.Max);
                    w.WriteString("pose", p.Pose.ToString());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteVec(Utf8JsonWriter w, string name, Core.Geometry.Vec3 v)
    {
        w.WriteStartArray(name);
        w.WriteNumberValue(v.X);
        w.WriteNumberValue(v.Y);
        w.WriteNumberValue(v.Z);
        w.WriteEndArray();
    }
}
