export default function Page() {
  return (
    <main>
      <h1>Pricing</h1>
      <section data-attune="pricing" style={{ padding: 40 }}>
        <p className="plan">Team: 8 € per person</p>
      </section>
    </main>
  );
}
