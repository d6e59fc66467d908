import {
  Building2,
  CalendarClock,
  CreditCard,
  FileText,
  Package,
  RefreshCw,
  ShoppingCart,
  type LucideIcon,
} from "lucide-react";
import type { Category } from "@/lib/notifications/catalog";

const icons: Record<Category, LucideIcon> = {
  orders: ShoppingCart,
  catalog: Package,
  scheduled_orders: CalendarClock,
  quotes: FileText,
  subscriptions: RefreshCw,
  organizations: Building2,
  payments: CreditCard,
};

export function CategoryIcon({ category, className }: { category: Category; className?: string }) {
  const Icon = icons[category] ?? Package;
  return <Icon aria-hidden className={className} />;
}
