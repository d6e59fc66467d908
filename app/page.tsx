import { redirect } from "next/navigation";

// The app starts at the inbox; the app layout sends visitors without a session to sign-in.
export default function Home() {
  redirect("/inbox");
}
