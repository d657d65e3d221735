/** The server's refusal of a form, read out at once. */
export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p className="alert" role="alert">
      {error}
    </p>
  ) : null;
}
