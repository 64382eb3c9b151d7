import { defineBackground } from '#imports';
import { openDoor } from '@/utils/background/door';
import { createReplyService } from '@/utils/background/service';

export default defineBackground(() => {
  openDoor(createReplyService());
});
