/** The app's sections for this user: the header shows them on wide screens, the user menu on phones. */
export function navLinks({ isAdmin, isPlatformAdmin }: { isAdmin: boolean; isPlatformAdmin: boolean }) {
  return [
    { href: "/inbox", label: "Inbox" },
    { href: "/settings/notifications", label: "Settings" },
    ...(isAdmin ? [{ href: "/admin/organizations", label: "Organizations" }] : []),
    ...(isPlatformAdmin ? [{ href: "/admin", label: "Console" }] : []),
  ];
}
